package io.relata.ui.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.approval.Approvals;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One approval request as a card: its record (a link, unless the card is on the record's page), the
 * stage it asks for, the process and step, who asked and when, the decisions so far with their
 * comments; and what the reader may do: approve or reject it when it is theirs, recall it when they
 * asked or administer.
 */
class ApprovalCard extends Div {

  ApprovalCard(
      Approvals approvals,
      Actor actor,
      JsonNode request,
      Optional<ObjectDefinition> object,
      Values values,
      boolean linked,
      Runnable changed) {
    addClassName("relata-approval");
    String state = request.path("state").asText();
    addClassName("relata-approval-" + state);
    getElement().setAttribute("data-approval", request.path("id").asText());
    JsonNode record = request.path("record");
    String recordName = record.path("name").asText();
    Div head = new Div();
    head.addClassName("relata-approval-head");
    if (linked) {
      Anchor link =
          new Anchor(
              "o/" + record.path("object").asText() + "/" + record.path("id").asText(), recordName);
      link.addClassName("relata-approval-record");
      head.add(link);
    } else {
      Span title =
          new Span(getTranslation("approvals.banner", request.path("processLabel").asText()));
      title.addClassName("relata-approval-record");
      head.add(title);
    }
    Span badge = new Span(getTranslation("approvals.state." + state));
    badge.getElement().getThemeList().add("badge pill");
    if (state.equals("approved")) {
      badge.getElement().getThemeList().add("success");
    } else if (state.equals("rejected")) {
      badge.getElement().getThemeList().add("error");
    } else if (state.equals("recalled")) {
      badge.getElement().getThemeList().add("contrast");
    }
    head.add(badge);
    add(head);

    Div stages = new Div();
    stages.addClassName("relata-approval-stages");
    String from = request.path("fromStage").asText("");
    stages.add(
        new Span(from.isEmpty() ? "—" : stage(object, from)),
        VaadinIcon.ARROW_RIGHT.create(),
        new Span(stage(object, request.path("stage").asText())));
    add(stages);

    Div about = new Div();
    about.addClassName("relata-muted");
    about.setText(
        (linked ? request.path("processLabel").asText() + " · " : "")
            + getTranslation(
                "approvals.step", request.path("step").asInt(), request.path("steps").asInt())
            + " · "
            + getTranslation(
                "approvals.asked",
                request.path("submittedBy").path("name").asText(),
                values.dateTime(request.path("submittedAt").asText())));
    add(about);

    for (JsonNode decision : request.path("decisions")) {
      Div one = new Div();
      one.addClassName("relata-approval-decision");
      Span who =
          new Span(
              decision.path("by").path("name").asText()
                  + " "
                  + getTranslation("approvals.decision." + decision.path("decision").asText()));
      who.addClassName("relata-approval-who");
      one.add(who);
      if (!decision.path("comment").isNull()) {
        Span said = new Span("“" + decision.path("comment").asText() + "”");
        said.addClassName("relata-approval-comment");
        one.add(said);
      }
      add(one);
    }

    Div actions = new Div();
    actions.addClassName("relata-approval-actions");
    if (request.path("yours").asBoolean()) {
      Button approve =
          new Button(
              getTranslation("approvals.approve"),
              VaadinIcon.CHECK.create(),
              e ->
                  new DecisionDialog(approvals, actor, request, true, values.locale(), changed)
                      .open());
      approve.addClassName("relata-approval-approve");
      approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
      Button reject =
          new Button(
              getTranslation("approvals.reject"),
              VaadinIcon.CLOSE.create(),
              e ->
                  new DecisionDialog(approvals, actor, request, false, values.locale(), changed)
                      .open());
      reject.addClassName("relata-approval-reject");
      reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
      actions.add(approve, reject);
    }
    if (request.path("recallable").asBoolean()) {
      Button recall =
          new Button(
              getTranslation("approvals.recall"),
              e -> {
                try {
                  approvals.recall(actor, UUID.fromString(request.path("id").asText()));
                } catch (ProblemException refused) {
                  Problems.notify(List.of(Problems.text(refused, values.locale())));
                } catch (SQLException failed) {
                  throw new IllegalStateException(failed);
                }
                changed.run();
              });
      recall.addClassName("relata-approval-recall");
      recall.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      actions.add(recall);
    }
    if (actions.getComponentCount() > 0) {
      add(actions);
    }
  }

  private static String stage(Optional<ObjectDefinition> object, String name) {
    return object
        .flatMap(ObjectDefinition::pipeline)
        .flatMap(p -> p.stage(name))
        .map(Labels::stage)
        .orElse(name);
  }
}
