package io.relata.ui.session;

import com.vaadin.flow.server.VaadinSession;
import io.relata.platform.identity.Actor;
import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ends the browser session of a user whose account was frozen (or removed) since they signed in, at
 * their next request: the same moment their API tokens stop working.
 */
@ApplicationScoped
public class FrozenAccounts {

  @Inject private UserRepository users;

  /**
   * Called with the session's lock held before each request is handled.
   *
   * @return whether the session was ended
   */
  public boolean check(VaadinSession session) {
    Actor actor = session.getAttribute(Actor.class);
    if (actor == null || users.find(actor.id()).map(User::active).orElse(false)) {
      return false;
    }
    SignedInUser.end(session);
    return true;
  }
}
