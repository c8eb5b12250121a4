package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.FieldAccess;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.message.Messages;
import io.relata.platform.record.RecordInput;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Problems;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Moves a record to another stage (or picklist value), from the stage path and from a board alike:
 * the platform's pipeline guard decides. Fields the target stage requires are asked for in a
 * dialog; any other refusal is shown with its reason, and the screen shows the record where it
 * still is.
 */
public final class StageMove {

  private StageMove() {}

  /**
   * Tries the move of {@code record} (as last read) to {@code value} of {@code field}, with its
   * label {@code target}; {@code moved} runs after a move, {@code stayed} after a refusal.
   */
  public static void run(
      EditorContext context,
      ObjectAccess access,
      Clock clock,
      JsonNode record,
      String field,
      String value,
      String target,
      Runnable moved,
      Runnable stayed) {
    UUID id = UUID.fromString(record.path("id").asText());
    long version = record.path("version").asLong();
    List<Violation> problems;
    try {
      problems = write(context, clock, id, version, Map.of(field, value));
    } catch (ProblemException other) {
      Problems.notify(List.of(Problems.text(other, context.values().locale())));
      stayed.run();
      return;
    }
    if (problems.isEmpty()) {
      landed(context, id, field, value, target, moved, stayed);
      return;
    }
    List<FieldDefinition> required = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Violation v : problems) {
      Optional<FieldDefinition> asked =
          v.code().equals("record.stage-requires")
              ? context.object().field(v.pointer().substring(1))
              : Optional.empty();
      if (asked.isPresent() && access.field(asked.get().name()) == FieldAccess.EDITABLE) {
        required.add(asked.get());
      } else {
        reasons.add(
            Messages.text(v.code(), context.values().locale(), labels(context, v).toArray()));
      }
    }
    if (!reasons.isEmpty() || required.isEmpty()) {
      Problems.notify(reasons);
      stayed.run();
      return;
    }
    StageFieldsDialog dialog =
        new StageFieldsDialog(
            context,
            target,
            required,
            record,
            values -> {
              Map<String, Object> all = new LinkedHashMap<>(values.values());
              all.put(field, value);
              try {
                List<Violation> left = write(context, clock, id, version, all);
                if (left.isEmpty()) {
                  landed(context, id, field, value, target, moved, stayed);
                }
                return left;
              } catch (ProblemException other) {
                Problems.notify(List.of(Problems.text(other, context.values().locale())));
                stayed.run();
                return List.of();
              }
            });
    dialog.addDialogCloseActionListener(
        e -> {
          dialog.close();
          stayed.run();
        });
    dialog.open();
  }

  /**
   * After a write that was not refused: moved, or held where it was because the stage asks for
   * approval first, which the user is told.
   */
  private static void landed(
      EditorContext context,
      UUID id,
      String field,
      String value,
      String target,
      Runnable moved,
      Runnable stayed) {
    Object now;
    try {
      now =
          context
              .records()
              .read(context.actor(), context.object().name(), id, List.of())
              .values()
              .get(field);
    } catch (io.relata.platform.record.RecordNotFoundException gone) {
      moved.run(); // moved, and out of the user's sight (an automation gave it away)
      return;
    }
    if (value.equals(now)) {
      moved.run();
      return;
    }
    com.vaadin.flow.component.notification.Notification told =
        com.vaadin.flow.component.notification.Notification.show(
            com.vaadin.flow.component.UI.getCurrent().getTranslation("approvals.asked-for", target),
            6000,
            com.vaadin.flow.component.notification.Notification.Position.BOTTOM_CENTER);
    told.setId("approval-asked");
    told.addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_CONTRAST);
    stayed.run();
  }

  /** A refused transition names its stages by their labels, as the path shows them. */
  private static List<Object> labels(EditorContext context, Violation violation) {
    if (!violation.code().equals("record.stage-transition")) {
      return violation.args();
    }
    return violation.args().stream()
        .map(
            name ->
                (Object)
                    context
                        .object()
                        .pipeline()
                        .flatMap(p -> p.stage(String.valueOf(name)))
                        .map(io.relata.ui.screen.Labels::stage)
                        .orElse(String.valueOf(name)))
        .toList();
  }

  /** The write's problems at fields; none when it was written. Other refusals are thrown. */
  private static List<Violation> write(
      EditorContext context, Clock clock, UUID id, long version, Map<String, Object> values) {
    try {
      context
          .records()
          .update(
              WriteContext.of(context.actor(), WriteContext.Channel.SCREEN, clock),
              context.object().name(),
              id,
              RecordInput.of(values),
              OptionalLong.of(version));
      return List.of();
    } catch (InvalidRequestException refused) {
      return refused.violations();
    }
  }
}
