package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.message.Messages;
import io.relata.platform.record.RecordInput;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.record.editor.Editors;
import io.relata.ui.record.editor.FieldEditor;
import io.relata.ui.screen.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stage (or column) the record may only enter with some fields filled: asks for them, and moves
 * the record with them in one write. Closes when the move succeeds; otherwise the platform's
 * problems show at their fields here.
 */
final class StageFieldsDialog extends Dialog {

  /**
   * @param move writes the values with the move; answers the problems, none when it moved
   */
  StageFieldsDialog(
      EditorContext context,
      String target,
      List<FieldDefinition> fields,
      JsonNode record,
      Function<RecordInput, List<Violation>> move) {
    setId("stage-fields-dialog");
    setHeaderTitle(getTranslation("stage.required.title", target));
    List<FieldEditor> editors = new ArrayList<>();
    FormLayout form = new FormLayout();
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    for (FieldDefinition field : fields) {
      FieldEditor editor = Editors.of(context, field);
      editor.read(record);
      editor.setReadOnly(false);
      editors.add(editor);
      form.add(editor.component());
    }
    add(form);
    Button apply = new Button(getTranslation("stage.required.move", target));
    apply.setId("stage-fields-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    apply.addClickListener(
        e -> {
          Map<String, Object> values = new LinkedHashMap<>();
          editors.forEach(editor -> values.put(editor.field().name(), editor.value()));
          List<Violation> problems = move.apply(RecordInput.of(values));
          if (problems.isEmpty()) {
            close();
            return;
          }
          List<String> elsewhere = new ArrayList<>();
          editors.forEach(editor -> editor.setError(null));
          for (Violation v : problems) {
            String message = Messages.text(v.code(), context.values().locale(), v.args().toArray());
            editors.stream()
                .filter(editor -> v.pointer().equals("/" + editor.field().name()))
                .findFirst()
                .ifPresentOrElse(editor -> editor.setError(message), () -> elsewhere.add(message));
          }
          Problems.notify(elsewhere);
        });
    Button cancel = new Button(getTranslation("dialog.cancel"), e -> close());
    getFooter().add(cancel, apply);
  }
}
