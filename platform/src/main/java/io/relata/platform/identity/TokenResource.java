package io.relata.platform.identity;

import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.rest.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/auth/tokens}: trades a username and password for an API token. */
@Path("/v1/auth/tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TokenResource {

  static final int MAX_USERNAME = 100;
  static final int MAX_PASSWORD = 1024;

  @Inject private PasswordLogin login;
  @Inject private ApiTokens tokens;

  /** The body of a token request. */
  public record Credentials(String username, String password) {}

  @POST
  @Anonymous
  public Response issue(Credentials credentials) {
    validate(credentials);
    Actor actor =
        login
            .authenticate(credentials.username(), credentials.password().toCharArray())
            .orElseThrow(() -> new UnauthenticatedException("problem.invalid-credentials"));
    return Response.status(Response.Status.CREATED).entity(tokens.issue(actor)).build();
  }

  private static void validate(Credentials credentials) {
    if (credentials == null) {
      throw new InvalidRequestException(List.of(new Violation("", "field.required", List.of())));
    }
    List<Violation> violations = new ArrayList<>();
    check("/username", credentials.username(), MAX_USERNAME, violations);
    check("/password", credentials.password(), MAX_PASSWORD, violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static void check(
      String pointer, String value, int maxLength, List<Violation> violations) {
    if (value == null || value.isEmpty()) {
      violations.add(new Violation(pointer, "field.required", List.of()));
    } else if (value.length() > maxLength) {
      violations.add(new Violation(pointer, "field.too-long", List.of(maxLength)));
    }
  }
}
