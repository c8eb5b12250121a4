package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.record.RecordInput;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.record.editor.Editors;
import io.relata.ui.record.editor.FieldEditor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A stage the record may only enter with some fields filled: asks for them, and moves the record
 * with them in one write. Closes when the move succeeds; otherwise the platform's problems stay
 * shown at their fields.
 */
final class StageFieldsDialog extends Dialog {

  StageFieldsDialog(
      EditorContext context,
      String stage,
      List<FieldDefinition> fields,
      JsonNode record,
      Predicate<RecordInput> move) {
    setId("stage-fields-dialog");
    String label =
        context.object().pipeline().flatMap(p -> p.stage(stage)).map(s -> s.label()).orElse(stage);
    setHeaderTitle(getTranslation("stage.required.title", label));
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
    Button apply = new Button(getTranslation("stage.required.move", label));
    apply.setId("stage-fields-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    apply.addClickListener(
        e -> {
          Map<String, Object> values = new LinkedHashMap<>();
          editors.forEach(editor -> values.put(editor.field().name(), editor.value()));
          if (move.test(RecordInput.of(values))) {
            close();
          }
        });
    Button cancel = new Button(getTranslation("dialog.cancel"), e -> close());
    getFooter().add(cancel, apply);
  }
}
