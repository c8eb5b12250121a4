package io.relata.ui.session;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SynchronizedRequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import io.relata.ui.login.LoginView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Sends every navigation to a private view to the sign-in page while nobody is signed in, and ends
 * a signed-in session that is over ({@link SessionTimeouts}) or whose account was frozen ({@link
 * FrozenAccounts}) before any of its requests is handled.
 */
@ApplicationScoped
public class SignInGuard {

  @Inject private SessionTimeouts timeouts;
  @Inject private FrozenAccounts accounts;

  void install(@Observes ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(SignInGuard::check));
    event.addRequestHandler(
        new SynchronizedRequestHandler() {
          @Override
          public boolean synchronizedHandleRequest(
              VaadinSession session, VaadinRequest request, VaadinResponse response) {
            if (!timeouts.check(session)) {
              accounts.check(session);
            }
            return false; // never answers the request itself
          }
        });
  }

  private static void check(BeforeEnterEvent event) {
    boolean open = event.getNavigationTarget().isAnnotationPresent(PublicView.class);
    if (!open && SignedInUser.current().isEmpty()) {
      event.rerouteTo(LoginView.class);
    }
  }
}
