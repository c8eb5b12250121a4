package io.relata.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * What a user sees when something they did fails on the server after their screen was drawn (a
 * click whose database work fails, say): a refusal the screen did not catch in its own words; any
 * other failure as a notice with the reference it was logged under (see {@link Incident}), never
 * its stack trace or SQL. The page stays as it was, with what the user typed (Vaadin's own handler
 * would put the error page in its place). Failures while a page is drawn are {@link
 * ServerErrorView}'s.
 */
@ApplicationScoped
public class FailureNotice extends DefaultErrorHandler {

  void install(@Observes ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
  }

  @Override
  public void error(ErrorEvent event) {
    Throwable failure = findRelevantThrowable(event.getThrowable());
    if (!shouldHandle(failure)) {
      return;
    }
    Optional<UI> ui =
        event.getComponent().flatMap(c -> c.getUI()).or(() -> Optional.ofNullable(UI.getCurrent()));
    String text =
        failure instanceof ProblemException refused
            ? Problems.text(refused, ui.map(UI::getLocale).orElse(java.util.Locale.ENGLISH))
            : null;
    String reference = text == null ? Incident.log(event.getThrowable()) : null;
    ui.ifPresent(
        shown ->
            shown.access(
                () -> {
                  if (text != null) {
                    Problems.notify(List.of(text));
                    return;
                  }
                  // it stays until closed: the reference is to be noted
                  Notification notice = new Notification();
                  Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> notice.close());
                  close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                  close.setAriaLabel(shown.getTranslation("dialog.close"));
                  HorizontalLayout content =
                      new HorizontalLayout(
                          new Span(shown.getTranslation("failure.notice", reference)), close);
                  content.setAlignItems(FlexComponent.Alignment.CENTER);
                  notice.add(content);
                  notice.setDuration(0);
                  notice.setPosition(Notification.Position.BOTTOM_CENTER);
                  notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
                  notice.setId("failure-notice");
                  notice.open();
                }));
  }
}
