package io.relata.ui.session;

import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SynchronizedRequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import io.relata.platform.identity.Actor;
import io.relata.platform.identity.FederatedLogin;
import io.relata.platform.identity.oidc.OidcClient;
import io.relata.platform.identity.oidc.OidcSettings;
import io.relata.platform.identity.oidc.PendingSignOn;
import io.relata.platform.identity.oidc.SignOnRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Single sign-on for screens, when {@code RELATA_OIDC_ISSUER} is set: {@code /sso/login} sends the
 * browser to the provider, {@code /sso/callback} takes it back and signs the user in exactly as the
 * password form does (new session id, timeouts from now). Any failure lands on the sign-in page
 * with one message; the reason goes to the server log, never to the browser.
 */
@ApplicationScoped
public class SingleSignOn {

  /** The path of the link on the sign-in page. */
  public static final String LOGIN = "sso/login";

  /** The query parameter, and its value, that the sign-in page gets after a failed sign-on. */
  private static final String OUTCOME = "sso";

  private static final String FAILED = "failed";

  private static final String CALLBACK = "sso/callback";
  private static final Logger LOG = Logger.getLogger(SingleSignOn.class.getName());

  @Inject private OidcClient client;
  @Inject private FederatedLogin login;
  @Inject private SessionTimeouts timeouts;

  void install(@Observes ServiceInitEvent event) {
    Optional<OidcSettings> settings = client.settings();
    if (settings.isEmpty()) {
      return;
    }
    String issuer = settings.get().issuer().toString();
    event.addRequestHandler(
        new SynchronizedRequestHandler() {
          @Override
          protected boolean canHandleRequest(VaadinRequest request) {
            String path = request.getPathInfo();
            return ("/" + LOGIN).equals(path) || ("/" + CALLBACK).equals(path);
          }

          @Override
          public boolean synchronizedHandleRequest(
              VaadinSession session, VaadinRequest request, VaadinResponse response) {
            HttpServletRequest http = ((VaadinServletRequest) request).getHttpServletRequest();
            String root = root(http);
            String next =
                ("/" + LOGIN).equals(request.getPathInfo())
                    ? start(session, root)
                    : callback(session, http, root, issuer);
            response.setStatus(302);
            response.setHeader("Location", next);
            response.setHeader("Cache-Control", "no-store");
            return true;
          }
        });
  }

  private String start(VaadinSession session, String root) {
    try {
      OidcClient.Start start = client.start(URI.create(root + CALLBACK));
      session.setAttribute(PendingSignOn.class, start.pending());
      return start.location().toString();
    } catch (SignOnRefused refused) {
      return failed(root, refused);
    }
  }

  private String callback(
      VaadinSession session, HttpServletRequest http, String root, String issuer) {
    PendingSignOn pending = session.getAttribute(PendingSignOn.class);
    session.setAttribute(PendingSignOn.class, null); // a callback is good once
    try {
      if (pending == null) {
        throw new SignOnRefused("no sign-on was started in this browser session");
      }
      OidcClient.Vouched vouched = client.finish(http.getQueryString(), pending);
      Optional<Actor> actor = login.admit(issuer, vouched.subject(), vouched.username());
      if (actor.isEmpty()) {
        throw new SignOnRefused(
            "no active Relata user is named "
                + vouched.username()
                + " or bound to subject "
                + vouched.subject());
      }
      SignedInUser.signIn(actor.get());
      timeouts.started(VaadinSession.getCurrent());
      return root + "home";
    } catch (SignOnRefused refused) {
      return failed(root, refused);
    }
  }

  private static String failed(String root, SignOnRefused refused) {
    LOG.log(Level.INFO, "Single sign-on refused: {0}", refused.getMessage());
    LOG.log(Level.FINE, "Single sign-on refused", refused);
    return root + "?" + OUTCOME + "=" + FAILED;
  }

  /** Whether the sign-in page was reached after a failed sign-on. */
  public static boolean failed(QueryParameters query) {
    return query.getParameters().getOrDefault(OUTCOME, List.of()).contains(FAILED);
  }

  /** The application's root URL as this request reached it, ending in a slash. */
  private static String root(HttpServletRequest http) {
    String url = http.getRequestURL().toString();
    return url.substring(0, url.length() - http.getRequestURI().length())
        + http.getContextPath()
        + "/";
  }
}
