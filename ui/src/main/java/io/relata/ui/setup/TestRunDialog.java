package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.automation.TestRuns;
import io.relata.platform.directory.Users;
import io.relata.platform.message.Messages;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.Labels;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A saved automation, set of assignment rules or scoring model tried on a stored record: the admin
 * picks the record and reads what it would write, send, call and tell, and nothing of it is done. A
 * refusal (a script stopped at a line, a value a rule refuses) is said here and handed to the form,
 * to show at its field.
 */
final class TestRunDialog extends Dialog {

  /** The audit's record writes, as a test run names them. */
  private static final java.util.Set<String> RECORD_WRITES =
      java.util.Set.of("create", "update", "delete");

  private final Div result = new Div();
  private final Locale locale;
  private final CompiledModel model;
  private final Users users;

  /**
   * @param refused told of a refusal's messages by JSON pointer, to show at their fields
   */
  TestRunDialog(
      String kind,
      String name,
      ObjectDefinition object,
      RecordService records,
      TestRuns runs,
      CompiledModel model,
      Users users,
      Locale locale,
      Consumer<ProblemException> refused) {
    this.locale = locale;
    this.model = model;
    this.users = users;
    setId("test-run");
    setHeaderTitle(getTranslation("setup.test-run.title"));
    setWidth("min(40rem, 100vw)");
    RecordPicker record = new RecordPicker(records, getTranslation("setup.rule.record")).of(object);
    record.setId("test-run-record");
    record.setWidthFull();
    result.setId("test-run-result");
    result.addClassName("relata-test-run");
    Button run =
        new Button(
            getTranslation("setup.rule.run"),
            e -> {
              if (record.getValue() == null) {
                return;
              }
              result.removeAll();
              try {
                show(
                    runs.run(SetupPage.actor(), kind, name, object.name(), record.getValue().id()));
              } catch (ProblemException problem) {
                result.add(refusal(problem));
                refused.accept(problem);
              } catch (SQLException e2) {
                throw new IllegalStateException("the test run failed in the database", e2);
              }
            });
    run.setId("test-run-run");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(record, result);
    getFooter().add(new Button(getTranslation("dialog.close"), e -> close()), run);
  }

  private void show(ObjectNode answer) {
    List<String> lines = new ArrayList<>();
    if (answer.has("conditionHolds")) {
      lines.add(
          getTranslation(
              answer.get("conditionHolds").asBoolean()
                  ? "setup.test-run.holds"
                  : "setup.test-run.does-not-hold"));
    }
    for (JsonNode write : answer.path("writes")) {
      if (!RECORD_WRITES.contains(write.path("action").asText())) {
        continue; // what else a write left in the audit (an approval asked) is not a change
      }
      Optional<ObjectDefinition> written = model.object(write.path("object").asText());
      List<String> changes = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = write.path("fields").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        Optional<FieldDefinition> definition = written.flatMap(o -> o.field(field.getKey()));
        boolean person =
            field.getKey().equals("owner_id")
                || definition.map(f -> f.type().kind() == FieldKind.USER).orElse(false);
        changes.add(
            getTranslation(
                "setup.test-run.change",
                definition
                    .map(Labels::field)
                    .orElse(
                        field.getKey().equals("owner_id")
                            ? getTranslation("setup.test-run.owner")
                            : field.getKey()),
                value(field.getValue().path("before"), person),
                value(field.getValue().path("after"), person)));
      }
      lines.add(
          getTranslation(
              "setup.test-run." + write.path("action").asText(),
              written.map(Labels::singular).orElse(write.path("object").asText()),
              String.join("; ", changes)));
    }
    answer
        .path("mail")
        .forEach(m -> lines.add(getTranslation("setup.test-run.mail", m.path("to").toString())));
    answer
        .path("calls")
        .forEach(c -> lines.add(getTranslation("setup.test-run.call", c.path("webhook").asText())));
    answer
        .path("notifications")
        .forEach(
            n -> lines.add(getTranslation("setup.test-run.notification", n.path("body").asText())));
    answer
        .path("scheduled")
        .forEach(j -> lines.add(getTranslation("setup.test-run.job", j.path("kind").asText())));
    if (lines.isEmpty()) {
      lines.add(getTranslation("setup.test-run.nothing"));
    }
    UnorderedList list = new UnorderedList();
    lines.forEach(line -> list.add(new ListItem(line)));
    result.add(new Paragraph(getTranslation("setup.test-run.would")), list);
  }

  private Paragraph refusal(ProblemException problem) {
    List<String> texts = new ArrayList<>();
    problem
        .violations()
        .forEach(v -> texts.add(Messages.text(v.code(), locale, v.args().toArray())));
    if (texts.isEmpty()) {
      texts.add(Messages.text(problem.code(), locale, problem.args()));
    }
    Paragraph refused = new Paragraph(String.join(" · ", texts));
    refused.addClassName("relata-rule-refused");
    return refused;
  }

  /** A value as read; a person by the name shown for them. */
  private String value(JsonNode value, boolean person) {
    if (value.isMissingNode() || value.isNull()) {
      return "—";
    }
    if (person) {
      try {
        UUID id = UUID.fromString(value.asText());
        return users.names(List.of(id)).getOrDefault(id, value.asText());
      } catch (IllegalArgumentException notAnId) {
        return value.asText();
      }
    }
    return value.isTextual() ? value.asText() : value.toString();
  }
}
