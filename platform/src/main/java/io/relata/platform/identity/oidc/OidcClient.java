package io.relata.platform.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenID Connect authorization code flow, with PKCE, a nonce and a one-time state, against the
 * provider named by {@link OidcSettings}; the protocol is Nimbus's (README Decision 38), the choice
 * of user is {@code FederatedLogin}'s. The provider's discovery document and keys are read at the
 * first sign-on, not at start, so a provider that is down does not stop Relata.
 */
@ApplicationScoped
public class OidcClient {

  /** How long a browser may take at the provider before its return is refused. */
  static final Duration PATIENCE = Duration.ofMinutes(10);

  private static final int TIMEOUT_MILLIS = 5_000;

  private final Optional<OidcSettings> settings;
  private final Clock clock;
  private volatile Provider provider;

  @Inject
  public OidcClient(
      @ConfigProperty(name = "relata.oidc.issuer") Optional<String> issuer,
      @ConfigProperty(name = "relata.oidc.client-id") Optional<String> clientId,
      @ConfigProperty(name = "relata.oidc.client-secret") Optional<String> clientSecret,
      @ConfigProperty(name = "relata.oidc.username-claim", defaultValue = "preferred_username")
          String usernameClaim,
      @ConfigProperty(name = "relata.oidc.scopes", defaultValue = "openid profile email")
          String scopes,
      @ConfigProperty(name = "relata.oidc.redirect-uri") Optional<String> redirectUri,
      @ConfigProperty(name = "relata.oidc.label", defaultValue = "Single sign-on") String label,
      Clock clock) {
    this(
        OidcSettings.of(issuer, clientId, clientSecret, usernameClaim, scopes, redirectUri, label),
        clock);
  }

  OidcClient(Optional<OidcSettings> settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** For the CDI proxy only. */
  protected OidcClient() {
    this.settings = Optional.empty();
    this.clock = null;
  }

  /** The settings, when single sign-on is on. */
  public Optional<OidcSettings> settings() {
    return settings;
  }

  /** Where to send the browser, and what its session keeps until it comes back. */
  public record Start(URI location, PendingSignOn pending) {}

  /**
   * Begins a sign-on.
   *
   * @param requestRedirectUri the callback as this request reached Relata; the configured redirect
   *     URI wins over it (behind a proxy)
   */
  public Start start(URI requestRedirectUri) throws SignOnRefused {
    OidcSettings on = settings.orElseThrow(() -> new SignOnRefused("single sign-on is off"));
    URI redirect = on.redirectUri().orElse(requestRedirectUri);
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI location =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope(on.scopes().toArray(String[]::new)),
                new ClientID(on.clientId()),
                redirect)
            .endpointURI(provider(on).metadata().getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return new Start(
        location,
        new PendingSignOn(
            state.getValue(), nonce.getValue(), verifier.getValue(), redirect, clock.instant()));
  }

  /**
   * Finishes a sign-on: checks the callback against what the session kept, redeems the code, and
   * validates the ID token (signature, issuer, audience, expiry, nonce).
   *
   * @param query the callback's query string, as the provider sent it
   * @return who the provider vouches for: the subject and the username claim
   */
  public Vouched finish(String query, PendingSignOn pending) throws SignOnRefused {
    OidcSettings on = settings.orElseThrow(() -> new SignOnRefused("single sign-on is off"));
    AuthenticationResponse response = parse(pending.redirectUri(), query);
    if (response.getState() == null || !pending.state().equals(response.getState().getValue())) {
      throw new SignOnRefused("the callback's state is not the one this session sent");
    }
    if (!response.indicatesSuccess()) {
      throw new SignOnRefused(
          "the provider answered " + response.toErrorResponse().getErrorObject().getCode());
    }
    if (clock.instant().isAfter(pending.startedAt().plus(PATIENCE))) {
      throw new SignOnRefused("the browser came back after " + PATIENCE);
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    if (code == null) {
      throw new SignOnRefused("the callback carries no authorization code");
    }
    Provider at = provider(on);
    JWT idToken = redeem(on, at, code, pending);
    IDTokenClaimsSet claims;
    try {
      claims = at.validator().validate(idToken, new Nonce(pending.nonce()));
    } catch (BadJOSEException | JOSEException e) {
      throw new SignOnRefused("the ID token is not valid: " + e.getMessage(), e);
    }
    return new Vouched(claims.getSubject().getValue(), username(on, claims));
  }

  private static AuthenticationResponse parse(URI redirect, String query) throws SignOnRefused {
    try {
      return AuthenticationResponseParser.parse(
          URI.create(redirect + "?" + (query == null ? "" : query)));
    } catch (ParseException | IllegalArgumentException e) {
      throw new SignOnRefused("the callback is not an OpenID Connect response", e);
    }
  }

  private static JWT redeem(OidcSettings on, Provider at, AuthorizationCode code, PendingSignOn p)
      throws SignOnRefused {
    TokenRequest request =
        new TokenRequest(
            at.metadata().getTokenEndpointURI(),
            new ClientSecretBasic(new ClientID(on.clientId()), new Secret(on.clientSecret())),
            new AuthorizationCodeGrant(code, p.redirectUri(), new CodeVerifier(p.codeVerifier())));
    try {
      HTTPRequest http = request.toHTTPRequest();
      http.setConnectTimeout(TIMEOUT_MILLIS);
      http.setReadTimeout(TIMEOUT_MILLIS);
      TokenResponse answer = OIDCTokenResponseParser.parse(http.send());
      if (!answer.indicatesSuccess()) {
        throw new SignOnRefused(
            "the token endpoint answered " + answer.toErrorResponse().getErrorObject().getCode());
      }
      JWT idToken = ((OIDCTokenResponse) answer.toSuccessResponse()).getOIDCTokens().getIDToken();
      if (idToken == null) {
        throw new SignOnRefused("the token endpoint sent no ID token");
      }
      return idToken;
    } catch (IOException | ParseException | ClassCastException e) {
      throw new SignOnRefused("the code could not be redeemed: " + e.getMessage(), e);
    }
  }

  /**
   * Who a provider vouched for: its subject ({@code sub}, the provider's stable id of the person)
   * and the claim that names the Relata user at the first sign-on.
   */
  public record Vouched(String subject, String username) {}

  /** The claim that names the user; an e-mail address only once the provider has verified it. */
  private static String username(OidcSettings on, IDTokenClaimsSet claims) throws SignOnRefused {
    String username = claims.getStringClaim(on.usernameClaim());
    if (username == null || username.isBlank()) {
      throw new SignOnRefused("the ID token has no " + on.usernameClaim() + " claim");
    }
    if ("email".equals(on.usernameClaim())
        && !Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"))) {
      throw new SignOnRefused("the provider has not verified the e-mail address");
    }
    return username;
  }

  private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  /** The provider's metadata and its key-checking validator, read once and then kept. */
  private Provider provider(OidcSettings on) throws SignOnRefused {
    Provider known = provider;
    if (known != null) {
      return known;
    }
    try {
      OIDCProviderMetadata metadata =
          OIDCProviderMetadata.resolve(
              new Issuer(on.issuer().toString()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
      IDTokenValidator validator =
          new IDTokenValidator(
              metadata.getIssuer(),
              new ClientID(on.clientId()),
              algorithm(metadata.getIDTokenJWSAlgs()),
              metadata.getJWKSetURI().toURL(),
              new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS));
      known = new Provider(metadata, validator);
      provider = known;
      return known;
    } catch (GeneralException | IOException | RuntimeException e) {
      throw new SignOnRefused("the provider's discovery document could not be read", e);
    }
  }

  /** RS256, which every provider must offer, unless the provider offers only others. */
  private static JWSAlgorithm algorithm(List<JWSAlgorithm> offered) {
    if (offered == null || offered.isEmpty() || offered.contains(JWSAlgorithm.RS256)) {
      return JWSAlgorithm.RS256;
    }
    return offered.stream()
        .filter(alg -> !JWSAlgorithm.Family.HMAC_SHA.contains(alg) && !"none".equals(alg.getName()))
        .findFirst()
        .orElse(JWSAlgorithm.RS256);
  }
}
