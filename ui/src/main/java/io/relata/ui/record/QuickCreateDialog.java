package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.StoredRecord;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A new record in a dialog, over the page the user is on: the object's form with its defaults and
 * any values given (a related list's reference), saved by the platform like any create. Its
 * problems show at their fields; the dialog closes on success and hands the record on.
 */
public final class QuickCreateDialog extends Dialog {

  public QuickCreateDialog(
      EditorContext context, Clock clock, Map<String, String> given, Consumer<JsonNode> created) {
    ObjectDefinition object = context.object();
    ObjectAccess access = context.view().access(object);
    setId("quick-create");
    setHeaderTitle(getTranslation("record.new.title", Labels.singular(object)));
    setWidth("min(56rem, 96vw)");
    RecordForm form = new RecordForm(context, access);
    form.read(NewRecords.initial(object, given));
    form.setEditing(true);
    add(form);
    Button save = new Button(getTranslation("record.save"));
    save.setId("quick-create-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        e -> {
          try {
            StoredRecord stored =
                context
                    .records()
                    .create(
                        WriteContext.of(context.actor(), WriteContext.Channel.SCREEN, clock),
                        object.name(),
                        form.values());
            close();
            JsonNode json = stored.json();
            created.accept(
                JsonCodec.object()
                    .put("id", stored.id().toString())
                    .put("name", json.path(object.nameField()).asText()));
          } catch (ProblemException refused) {
            // a refusal of values (a value a unique field has already too) is said at its field
            Problems.notify(
                refused.violations().isEmpty()
                    ? List.of(Problems.text(refused, context.values().locale()))
                    : form.show(refused.violations(), context.values().locale()));
          }
        });
    Button cancel = new Button(getTranslation("record.cancel"), e -> close());
    cancel.setId("quick-create-cancel");
    getFooter().add(cancel, save);
  }
}
