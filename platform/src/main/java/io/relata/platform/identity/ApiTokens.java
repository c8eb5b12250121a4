package io.relata.platform.identity;

import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues API tokens and resolves them to actors. A token is 32 random bytes behind the prefix
 * {@code rlt_}; the prefix lets secret scanners recognise a leaked token. A digest without a salt
 * is enough here: unlike passwords, the secret has 256 bits of entropy.
 */
@ApplicationScoped
public class ApiTokens {

  static final String PREFIX = "rlt_";

  private static final MessageDigest SHA_256 = sha256();

  private final ApiTokenRepository tokens;
  private final Clock clock;
  private final Duration lifetime;

  @Inject
  public ApiTokens(
      ApiTokenRepository tokens,
      Clock clock,
      @ConfigProperty(name = "relata.api.token-lifetime", defaultValue = "P30D")
          Duration lifetime) {
    this.tokens = tokens;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** For the CDI proxy only. */
  protected ApiTokens() {
    this(null, null, null);
  }

  /** A token issued to a user: the secret is shown once, here, and never again. */
  public record Issued(UUID id, String token, OffsetDateTime expiresAt) {}

  /** Issues a new token for {@code actor}, optionally named, with every right the user holds. */
  public Issued issue(Actor actor, Optional<String> name) {
    return issue(actor, name, TokenScope.FULL);
  }

  /**
   * Issues a new token for {@code actor}, optionally named, limited to {@code scope}; 400 when the
   * scope names a permission set the user does not hold.
   */
  public Issued issue(Actor actor, Optional<String> name, TokenScope scope) {
    if (scope.permissionSets().isPresent()) {
      Set<String> held = tokens.permissionSetsOf(actor.id());
      List<Violation> notHeld = new ArrayList<>();
      List<String> sets = scope.permissionSets().get();
      for (int i = 0; i < sets.size(); i++) {
        if (!held.contains(sets.get(i))) {
          notHeld.add(
              new Violation("/permissionSets/" + i, "token.scope-not-held", List.of(sets.get(i))));
        }
      }
      if (!notHeld.isEmpty()) {
        throw new InvalidRequestException(notHeld);
      }
    }
    String secret = PREFIX + SecretText.random(32);
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    ApiToken token =
        new ApiToken(actor.id(), digest(secret), now, now.plus(lifetime), name.orElse(null), scope);
    tokens.add(
        token,
        actor
            .audit(now, "token.issue")
            .with("token", token.id().toString())
            .on("user", actor.id()));
    return new Issued(token.id(), secret, token.expiresAt());
  }

  /** The actor's own tokens, newest first, without their secrets (which are not kept). */
  public List<ApiToken> of(Actor actor) {
    return tokens.ofUser(actor.id());
  }

  /**
   * Revokes one of the actor's own tokens; it stops working with the next request, on every node,
   * since tokens are checked against the database on every request.
   *
   * @return whether the actor has a token with this id
   */
  public boolean revoke(Actor actor, UUID tokenId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return tokens.change(
        actor.id(),
        tokenId,
        token -> token.revoke(now),
        actor.audit(now, "token.revoke").with("token", tokenId.toString()).on("user", actor.id()));
  }

  /** The actor of a valid token of an active user, or empty. */
  public Optional<Actor> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
      return Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    return tokens
        .findByHash(digest(secret))
        .filter(holder -> holder.validAt(now))
        .map(ApiTokenRepository.Holder::user);
  }

  /**
   * SHA-256 of the secret. Every API request digests its token, so the algorithm is looked up once
   * and copied, rather than found among the security providers each time.
   */
  static byte[] digest(String secret) {
    try {
      MessageDigest sha256 = (MessageDigest) SHA_256.clone();
      return sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be copied", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
