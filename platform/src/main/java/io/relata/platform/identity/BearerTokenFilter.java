package io.relata.platform.identity;

import io.relata.platform.rest.UnauthenticatedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every API request by its {@code Authorization: Bearer} token and makes the {@link
 * Actor} the request's principal. Requests without a valid token get 401, except on methods marked
 * {@link Anonymous}; a read-only token gets 403 for any request that could write. The API uses no
 * cookies, so a browser session never authorises an API call.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  private static final String SCHEME = "Bearer ";

  /** The methods a read-only token may use. */
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

  @Context private ResourceInfo resource;
  @Inject private ApiTokens tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(Anonymous.class)) {
      return;
    }
    Actor actor =
        bearerToken(request)
            .flatMap(tokens::authenticate)
            .orElseThrow(UnauthenticatedException::new);
    if (actor.holdings().map(Holdings::readOnly).orElse(false)
        && !READING.contains(request.getMethod())) {
      throw new ReadOnlyTokenException();
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new ActorSecurityContext(actor, secure));
  }

  private static Optional<String> bearerToken(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    return Optional.of(header.substring(SCHEME.length()).strip());
  }

  private record ActorSecurityContext(Actor actor, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return actor;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
