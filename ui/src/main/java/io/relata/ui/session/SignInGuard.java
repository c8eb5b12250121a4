package io.relata.ui.session;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import io.relata.ui.login.LoginView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Sends every navigation to a private view to the sign-in page while nobody is signed in. */
@ApplicationScoped
public class SignInGuard {

  void install(@Observes ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(SignInGuard::check));
  }

  private static void check(BeforeEnterEvent event) {
    boolean open = event.getNavigationTarget().isAnnotationPresent(PublicView.class);
    if (!open && SignedInUser.current().isEmpty()) {
      event.rerouteTo(LoginView.class);
    }
  }
}
