package io.relata.ui.session;

import com.vaadin.flow.server.VaadinSession;
import io.relata.platform.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the {@link SessionPolicy} to browser sessions, by the platform's clock: a session notes
 * when it signed in and when it was last seen; every request first asks whether it is over, and an
 * ended session loses its user and is closed. The servlet container's own idle limit is set a
 * minute past the policy's, as a backstop that frees memory.
 */
@ApplicationScoped
public class SessionTimeouts {

  private static final String SIGNED_IN = "relata.session.signed-in-at";
  private static final String LAST_SEEN = "relata.session.last-seen";

  private final Clock clock;
  private final SessionPolicy policy;

  @Inject
  public SessionTimeouts(
      Clock clock,
      @ConfigProperty(name = "relata.session.idle-timeout", defaultValue = "PT30M") Duration idle,
      @ConfigProperty(name = "relata.session.absolute-timeout", defaultValue = "PT12H")
          Duration absolute) {
    this.clock = clock;
    this.policy = new SessionPolicy(idle, absolute);
  }

  /** For the CDI proxy only. */
  protected SessionTimeouts() {
    this.clock = null;
    this.policy = null;
  }

  /** The session just signed in (its lock is held). */
  public void started(VaadinSession session) {
    Instant now = clock.instant();
    session.setAttribute(SIGNED_IN, now);
    session.setAttribute(LAST_SEEN, now);
    session
        .getSession()
        .setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, policy.idle().toSeconds() + 60));
  }

  /**
   * Called with the session's lock held before each request is handled: ends a signed-in session
   * that is over (its user is gone at once; Vaadin closes it when the request ends), and notes that
   * a live one was seen.
   *
   * @return whether the session was ended
   */
  public boolean check(VaadinSession session) {
    if (session.getAttribute(Actor.class) == null) {
      return false;
    }
    Instant now = clock.instant();
    Instant signedIn = (Instant) session.getAttribute(SIGNED_IN);
    Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
    if (signedIn == null || lastSeen == null || policy.expired(signedIn, lastSeen, now)) {
      SignedInUser.end(session);
      return true;
    }
    session.setAttribute(LAST_SEEN, now);
    return false;
  }
}
