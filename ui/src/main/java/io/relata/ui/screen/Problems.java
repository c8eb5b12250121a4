package io.relata.ui.screen;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.relata.platform.message.Messages;
import io.relata.platform.rest.ProblemException;
import java.util.List;
import java.util.Locale;

/** The platform's refusals as a user reads them: in their language, never a stack trace. */
public final class Problems {

  private Problems() {}

  /** The problem's own text, then its violations'. */
  public static String text(ProblemException problem, Locale locale) {
    StringBuilder text = new StringBuilder(Messages.text(problem.code(), locale, problem.args()));
    for (ProblemException.Violation v : problem.violations()) {
      text.append(" · ").append(Messages.text(v.code(), locale, v.args().toArray()));
    }
    return text.toString();
  }

  /** Shows {@code messages} for a while at the bottom of the screen. */
  public static void notify(List<String> messages) {
    if (messages.isEmpty()) {
      return;
    }
    Notification shown =
        Notification.show(String.join(" · ", messages), 6000, Notification.Position.BOTTOM_CENTER);
    shown.addThemeVariants(NotificationVariant.LUMO_ERROR);
    shown.setId("problem-notification");
  }
}
