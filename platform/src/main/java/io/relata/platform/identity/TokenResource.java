package io.relata.platform.identity;

import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.PathIds;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.rest.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/auth/tokens}: trades a username and password for an API token ({@code POST}),
 * lists the caller's own tokens ({@code GET}) and revokes one of them ({@code DELETE /{id}}).
 */
@Path("/v1/auth/tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TokenResource {

  static final int MAX_USERNAME = 100;
  static final int MAX_PASSWORD = 1024;
  static final int MAX_NAME = 100;

  @Inject private PasswordLogin login;
  @Inject private ApiTokens tokens;

  static final int MAX_SCOPE = 50;

  /**
   * The body of a token request; {@code name} says what the token is for; {@code permissionSets}
   * (some of the user's sets) and {@code readOnly} narrow what it may do. All three are optional.
   */
  public record Credentials(
      String username,
      String password,
      String name,
      List<String> permissionSets,
      Boolean readOnly) {}

  /** A token as its owner sees it later: never the secret, which is not kept. */
  public record Listed(
      UUID id,
      String name,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime revokedAt,
      List<String> permissionSets,
      boolean readOnly) {}

  /** The answer to a listing. */
  public record Tokens(List<Listed> items) {}

  @POST
  @Anonymous
  public Response issue(Credentials credentials) {
    validate(credentials);
    Actor actor =
        login
            .authenticate(credentials.username(), credentials.password().toCharArray())
            .orElseThrow(() -> new UnauthenticatedException("problem.invalid-credentials"));
    return Response.status(Response.Status.CREATED)
        .entity(
            tokens.issue(
                actor,
                Optional.ofNullable(credentials.name()),
                new TokenScope(
                    Optional.ofNullable(credentials.permissionSets()),
                    Boolean.TRUE.equals(credentials.readOnly()))))
        .build();
  }

  @GET
  public Tokens list(@Context SecurityContext security) {
    return new Tokens(
        tokens.of((Actor) security.getUserPrincipal()).stream()
            .map(
                t ->
                    new Listed(
                        t.id(),
                        t.name().orElse(null),
                        t.createdAt(),
                        t.expiresAt(),
                        t.revokedAt().orElse(null),
                        t.scope().permissionSets().orElse(null),
                        t.scope().readOnly()))
            .toList());
  }

  @DELETE
  @Path("/{id}")
  public Response revoke(@Context SecurityContext security, @PathParam("id") String id) {
    Optional<UUID> tokenId = PathIds.uuid(id);
    if (tokenId.isEmpty() || !tokens.revoke((Actor) security.getUserPrincipal(), tokenId.get())) {
      throw new NotFoundProblem("/api/v1/auth/tokens/" + id);
    }
    return Response.noContent().build();
  }

  private static void validate(Credentials credentials) {
    if (credentials == null) {
      throw new InvalidRequestException(List.of(new Violation("", "field.required", List.of())));
    }
    List<Violation> violations = new ArrayList<>();
    check("/username", credentials.username(), MAX_USERNAME, violations);
    check("/password", credentials.password(), MAX_PASSWORD, violations);
    if (credentials.name() != null
        && (credentials.name().isBlank() || credentials.name().length() > MAX_NAME)) {
      violations.add(
          credentials.name().isBlank()
              ? new Violation("/name", "field.required", List.of())
              : new Violation("/name", "field.too-long", List.of(MAX_NAME)));
    }
    List<String> sets = credentials.permissionSets();
    if (sets != null) {
      if (sets.isEmpty() || sets.size() > MAX_SCOPE) {
        violations.add(new Violation("/permissionSets", "token.scope-size", List.of(MAX_SCOPE)));
      }
      for (int i = 0; i < sets.size(); i++) {
        if (sets.get(i) == null || !SET_NAME.matcher(sets.get(i)).matches()) {
          violations.add(
              new Violation(
                  "/permissionSets/" + i,
                  "token.scope-not-held",
                  List.of(String.valueOf(sets.get(i)))));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  /** What a permission set's name can look like; anything else names no set the user holds. */
  private static final java.util.regex.Pattern SET_NAME =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,99}");

  private static void check(
      String pointer, String value, int maxLength, List<Violation> violations) {
    if (value == null || value.isEmpty()) {
      violations.add(new Violation(pointer, "field.required", List.of()));
    } else if (value.length() > maxLength) {
      violations.add(new Violation(pointer, "field.too-long", List.of(maxLength)));
    }
  }
}
