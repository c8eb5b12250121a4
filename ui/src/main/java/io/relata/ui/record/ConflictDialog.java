package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.platform.record.RecordInput;
import io.relata.platform.record.StoredRecord;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Someone saved the record while the user was editing it: field by field, what it was when the user
 * began, what it is now, and what the user wants; the user reapplies their change over the current
 * record or drops it.
 */
final class ConflictDialog extends Dialog {

  /** One field that moved on, or that the user changed. */
  record Line(String field, String then, String now, String mine) {}

  private static final Set<String> BOOKKEEPING =
      Set.of("version", "updated_at", "updated_by", "created_at", "created_by", "id");

  ConflictDialog(
      EditorContext context,
      StoredRecord began,
      StoredRecord current,
      RecordInput mine,
      BiConsumer<StoredRecord, RecordInput> reapply) {
    setId("conflict-dialog");
    setHeaderTitle(getTranslation("conflict.title"));
    add(new Paragraph(getTranslation("conflict.text")));
    List<Line> lines = new ArrayList<>();
    JsonNode then = began.json();
    JsonNode now = current.json();
    JsonNode wanted = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    mine.values()
        .forEach(
            (name, value) ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) wanted)
                    .set(name, io.relata.platform.json.JsonCodec.value(value)));
    now.fieldNames()
        .forEachRemaining(
            name -> {
              if (BOOKKEEPING.contains(name)) {
                return;
              }
              boolean moved = !now.path(name).equals(then.path(name));
              if (!moved && !mine.values().containsKey(name)) {
                return;
              }
              SystemFields.field(context.object(), name)
                  .ifPresent(
                      field ->
                          lines.add(
                              new Line(
                                  Labels.field(field),
                                  text(context, field, then),
                                  text(context, field, now),
                                  mine.values().containsKey(name)
                                      ? text(context, field, wanted)
                                      : "")));
            });
    Grid<Line> grid = new Grid<>();
    grid.setId("conflict-fields");
    grid.addColumn(Line::field).setHeader(getTranslation("conflict.field"));
    grid.addColumn(Line::then).setHeader(getTranslation("conflict.then"));
    grid.addColumn(Line::now).setHeader(getTranslation("conflict.now"));
    grid.addColumn(Line::mine).setHeader(getTranslation("conflict.mine"));
    grid.setItems(lines);
    grid.setAllRowsVisible(true);
    grid.setWidth("min(48rem, 90vw)");
    add(grid);
    Button again = new Button(getTranslation("conflict.reapply"));
    again.setId("conflict-reapply");
    again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    again.addClickListener(
        e -> {
          close();
          reapply.accept(current, mine);
        });
    Button drop = new Button(getTranslation("conflict.discard"));
    drop.setId("conflict-discard");
    drop.addClickListener(
        e -> {
          close();
          reapply.accept(current, RecordInput.empty());
        });
    getFooter().add(drop, again);
  }

  private static String text(EditorContext context, FieldDefinition field, JsonNode record) {
    String text = context.values().text(context.object(), field, record);
    return text.isEmpty() ? "—" : text;
  }
}
