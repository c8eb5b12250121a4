package io.relata.ui.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import io.relata.platform.approval.Approvals;
import io.relata.platform.identity.Actor;
import io.relata.platform.message.Messages;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.Problems;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Approves or rejects a request's current step, with a comment: required to reject, and said at the
 * field when it is missing. A refusal (the request decided meanwhile, a stage the record may not
 * enter) is shown with its reason.
 */
class DecisionDialog extends Dialog {

  private final TextArea comment = new TextArea();

  DecisionDialog(
      Approvals approvals,
      Actor actor,
      JsonNode request,
      boolean approve,
      Locale locale,
      Runnable decided) {
    setId(approve ? "approval-approve-dialog" : "approval-reject-dialog");
    setHeaderTitle(getTranslation(approve ? "approvals.approve" : "approvals.reject"));
    setWidth("min(32rem, 100vw)");
    add(
        new Paragraph(
            request.path("processLabel").asText()
                + " · "
                + request.path("record").path("name").asText()));
    comment.setId("approval-comment");
    comment.setLabel(getTranslation("approvals.comment"));
    comment.setWidthFull();
    comment.setMaxLength(2000);
    comment.setRequiredIndicatorVisible(!approve);
    add(comment);
    Button confirm =
        new Button(
            getTranslation(approve ? "approvals.approve" : "approvals.reject"),
            e -> {
              Optional<String> said = Optional.of(comment.getValue()).filter(c -> !c.isBlank());
              if (!approve && said.isEmpty()) {
                comment.setInvalid(true);
                comment.setErrorMessage(getTranslation("approvals.comment-required"));
                return;
              }
              try {
                approvals.decide(
                    actor, UUID.fromString(request.path("id").asText()), approve, said);
                close();
                decided.run();
              } catch (ProblemException refused) {
                Optional<ProblemException.Violation> atComment =
                    refused.violations().stream()
                        .filter(v -> v.pointer().equals("/comment"))
                        .findFirst();
                if (atComment.isPresent()) {
                  comment.setInvalid(true);
                  comment.setErrorMessage(
                      Messages.text(
                          atComment.get().code(), locale, atComment.get().args().toArray()));
                } else {
                  Problems.notify(java.util.List.of(Problems.text(refused, locale)));
                  close();
                  decided.run();
                }
              } catch (SQLException failed) {
                throw new IllegalStateException(failed);
              }
            });
    confirm.setId("approval-confirm");
    confirm.addThemeVariants(
        ButtonVariant.LUMO_PRIMARY,
        approve ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
    Button cancel = new Button(getTranslation("record.cancel"), e -> close());
    cancel.setId("approval-cancel");
    getFooter().add(cancel, confirm);
  }
}
