package io.relata.ui.session;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.relata.platform.identity.Actor;
import java.util.Optional;

/** The actor of the current browser session. */
public final class SignedInUser {

  private SignedInUser() {}

  /** The signed-in actor of the current session, if any. */
  public static Optional<Actor> current() {
    VaadinSession session = VaadinSession.getCurrent();
    return session == null
        ? Optional.empty()
        : Optional.ofNullable(session.getAttribute(Actor.class));
  }

  /**
   * Makes {@code actor} the session's user. The HTTP session id is renewed first, so that an id
   * planted before sign-in (session fixation) is worthless after it.
   */
  public static void signIn(Actor actor) {
    VaadinService.reinitializeSession(VaadinRequest.getCurrent());
    VaadinSession session = VaadinSession.getCurrent();
    // nothing of a user signed in before in this browser carries over to this one
    session.setAttribute(UserSettings.class, null);
    session.setAttribute(Actor.class, actor);
  }

  /**
   * Ends a session from outside its own request (a timeout, a frozen account): its user is gone at
   * once, and Vaadin closes the session when the current request ends. Needs the session's lock.
   */
  static void end(VaadinSession session) {
    session.setAttribute(Actor.class, null);
    session.close();
  }

  /** Ends the server session: the user and everything the session held are gone. */
  public static void signOut() {
    VaadinSession session = VaadinSession.getCurrent();
    session.setAttribute(Actor.class, null);
    session.getSession().invalidate();
  }
}
