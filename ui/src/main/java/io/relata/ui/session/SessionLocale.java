package io.relata.ui.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinSession;
import io.relata.platform.directory.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Speaks the signed-in user's language: before any screen is made, the user's settings are read
 * (once per session) and the UI's locale set from them, so that every text and format of the screen
 * follows the profile, not the browser.
 */
@ApplicationScoped
public class SessionLocale {

  @Inject private Users users;

  void install(@Observes ServiceInitEvent event) {
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::apply));
  }

  private void apply(BeforeEnterEvent event) {
    SignedInUser.current()
        .ifPresent(
            actor -> {
              UserSettings settings =
                  UserSettings.current()
                      .orElseGet(
                          () -> {
                            UserSettings read = UserSettings.of(users.get(actor.id()));
                            read.apply(VaadinSession.getCurrent());
                            return read;
                          });
              UI ui = event.getUI();
              if (!settings.locale().equals(ui.getLocale())) {
                ui.setLocale(settings.locale());
              }
            });
  }
}
