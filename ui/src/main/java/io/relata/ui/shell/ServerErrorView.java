package io.relata.ui.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.Problems;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page shown when a page could not be drawn because the server failed (its database, say), in
 * place of Vaadin's: the user's language, a way home, and the reference the failure was logged
 * under ({@link Incident}); never a stack trace. It stands outside the shell, which may need what
 * just failed. An address that leads nowhere is {@link NotFoundView}'s.
 */
@StyleSheet("context://styles/relata.css") // the shell's, which is not around it
public class ServerErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

  public ServerErrorView() {
    setId("server-error");
    addClassName("relata-empty-state");
    setAlignItems(Alignment.CENTER);
  }

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
    Exception failure = parameter.getCaughtException();
    String text =
        failure instanceof ProblemException refused
            ? Problems.text(refused, getLocale())
            : getTranslation("failure.text", Incident.log(failure));
    Paragraph said = new Paragraph(text);
    said.setId("server-error-text");
    add(
        VaadinIcon.WARNING.create(),
        new H2(getTranslation("failure.title")),
        said,
        new Anchor("home", getTranslation("not-found.home")));
    return failure instanceof ProblemException refused
        ? refused.status().getStatusCode()
        : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
  }
}
