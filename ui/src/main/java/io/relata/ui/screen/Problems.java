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

  /**
   * What the user is told: each violation's text when it has some (a refusal of what was entered);
   * otherwise the problem's detail as the API words it ({@code code.detail}), or its title.
   */
  public static String text(ProblemException problem, Locale locale) {
    if (!problem.violations().isEmpty()) {
      return problem.violations().stream()
          .map(v -> Messages.text(v.code(), locale, v.args().toArray()))
          .collect(java.util.stream.Collectors.joining(" · "));
    }
    for (String part : List.of(".detail", ".title")) {
      String said = Messages.text(problem.code() + part, locale, problem.args());
      if (!said.equals(problem.code() + part)) {
        return said;
      }
    }
    return Messages.text(problem.code(), locale, problem.args());
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
