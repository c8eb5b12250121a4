package io.relata.ui.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.relata.metadata.access.FieldAccess;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.bulk.BulkRunner;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.message.Messages;
import io.relata.platform.record.BulkRequest;
import io.relata.platform.record.RecordInput;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.record.editor.Editors;
import io.relata.ui.record.editor.FieldEditor;
import io.relata.ui.screen.Labels;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a user does to the records selected in a list, through the platform's bulk jobs: change one
 * field on all of them, hand them to another owner, or delete them. Each asks first, naming how
 * many records it touches; each record is checked as a single write would be, and the refused ones
 * are counted and named.
 */
final class BulkActions extends HorizontalLayout {

  private final EditorContext context;
  private final ObjectAccess access;
  private final BulkRunner runner;
  private final Clock clock;
  private final Supplier<Set<ObjectNode>> selected;
  private final Runnable done;
  private final Span count = new Span();

  BulkActions(
      EditorContext context,
      ObjectAccess access,
      BulkRunner runner,
      Clock clock,
      Supplier<Set<ObjectNode>> selected,
      Runnable done) {
    this.context = context;
    this.access = access;
    this.runner = runner;
    this.clock = clock;
    this.selected = selected;
    this.done = done;
    setId("bulk-actions");
    addClassName("relata-bulk");
    setAlignItems(FlexComponent.Alignment.CENTER);
    count.setId("bulk-count");
    add(count);
    if (access.rights().edit()) {
      add(button("bulk-edit", "bulk.edit", VaadinIcon.EDIT, this::edit));
      add(button("bulk-assign", "bulk.assign", VaadinIcon.USER, this::assign));
    }
    if (access.rights().delete()) {
      Button delete = button("bulk-delete", "bulk.delete", VaadinIcon.TRASH, this::delete);
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
      add(delete);
    }
    setVisible(false);
  }

  /** Whether the user may do anything to many records at once here. */
  static boolean offered(ObjectAccess access) {
    return access.rights().edit() || access.rights().delete();
  }

  void selectionChanged() {
    int n = selected.get().size();
    count.setText(getTranslation("bulk.selected", n));
    setVisible(n > 0);
  }

  private Button button(String id, String text, VaadinIcon icon, Runnable action) {
    Button button = new Button(getTranslation(text), icon.create(), e -> action.run());
    button.setId(id);
    button.addThemeVariants(ButtonVariant.LUMO_SMALL);
    return button;
  }

  /** One field, one value, on every selected record. */
  private void edit() {
    Dialog dialog = new Dialog();
    dialog.setId("bulk-edit-dialog");
    dialog.setHeaderTitle(getTranslation("bulk.edit.title", selected.get().size()));
    List<FieldDefinition> fields =
        context.object().fields().stream()
            .filter(f -> access.field(f.name()) == FieldAccess.EDITABLE)
            .filter(f -> !f.type().computed() && !f.unique())
            .filter(f -> !SystemFields.NAMES.contains(f.name()))
            .toList();
    Select<FieldDefinition> field = new Select<>();
    field.setId("bulk-field");
    field.setLabel(getTranslation("bulk.edit.field"));
    field.setItems(fields);
    field.setItemLabelGenerator(Labels::field);
    Div editorBox = new Div();
    FieldEditor[] editor = new FieldEditor[1];
    field.addValueChangeListener(
        e -> {
          editorBox.removeAll();
          editor[0] = Editors.of(context, e.getValue());
          editor[0].read(JsonCodec.object());
          editor[0].setReadOnly(false);
          editorBox.add(editor[0].component());
        });
    dialog.add(new Div(field, editorBox));
    Button apply =
        new Button(
            getTranslation("bulk.apply"),
            e -> {
              if (editor[0] == null) {
                return;
              }
              FieldDefinition chosen = field.getValue();
              JsonNode value = editor[0].value();
              dialog.close();
              confirm(
                  getTranslation("bulk.edit.confirm", Labels.field(chosen), selected.get().size()),
                  BulkRequest.Action.UPDATE,
                  RecordInput.of(Map.of(chosen.name(), value)),
                  Optional.empty());
            });
    apply.setId("bulk-edit-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), e -> dialog.close()), apply);
    dialog.open();
  }

  /** Every selected record to one owner. */
  private void assign() {
    Dialog dialog = new Dialog();
    dialog.setId("bulk-assign-dialog");
    dialog.setHeaderTitle(getTranslation("bulk.assign.title", selected.get().size()));
    FieldEditor owner =
        Editors.of(context, SystemFields.field(context.object(), "owner_id").orElseThrow());
    owner.read(JsonCodec.object());
    owner.setReadOnly(false);
    dialog.add(owner.component());
    Button apply =
        new Button(
            getTranslation("bulk.apply"),
            e -> {
              JsonNode chosen = owner.value();
              if (chosen.isNull()) {
                return;
              }
              dialog.close();
              confirm(
                  getTranslation("bulk.assign.confirm", selected.get().size()),
                  BulkRequest.Action.ASSIGN,
                  RecordInput.empty(),
                  Optional.of(UUID.fromString(chosen.asText())));
            });
    apply.setId("bulk-assign-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), e -> dialog.close()), apply);
    dialog.open();
  }

  private void delete() {
    confirm(
        getTranslation("bulk.delete.confirm", selected.get().size()),
        BulkRequest.Action.DELETE,
        RecordInput.empty(),
        Optional.empty());
  }

  /** Asks, naming the count, then runs the job and tells what it did. */
  private void confirm(
      String question, BulkRequest.Action action, RecordInput values, Optional<UUID> owner) {
    List<UUID> ids =
        selected.get().stream().map(r -> UUID.fromString(r.path("id").asText())).toList();
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("bulk-confirm");
    confirm.setHeader(question);
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("dialog.cancel"));
    Button yes = new Button(getTranslation("bulk.apply"));
    yes.setId("bulk-confirm-yes");
    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    if (action == BulkRequest.Action.DELETE) {
      yes.addThemeVariants(ButtonVariant.LUMO_ERROR);
    }
    confirm.setConfirmButton(yes);
    confirm.addConfirmListener(
        e -> {
          try {
            BulkRunner.Run run =
                runner.run(
                    WriteContext.of(context.actor(), WriteContext.Channel.SCREEN, clock),
                    context.object().name(),
                    new BulkRequest(action, Optional.of(ids), Optional.empty(), values, owner));
            report(run);
          } catch (ProblemException refused) {
            show(refusal(refused), true);
          }
          done.run();
        });
    confirm.open();
  }

  private void report(BulkRunner.Run run) {
    StringBuilder text =
        new StringBuilder(
            getTranslation("bulk.done", run.result().succeeded(), run.result().failed()));
    run.result().errors().stream()
        .flatMap(error -> error.details().stream())
        .findFirst()
        .ifPresent(
            detail ->
                text.append(" · ")
                    .append(
                        Messages.text(
                            detail.code(), context.values().locale(), detail.args().toArray())));
    show(text.toString(), run.result().failed() > 0);
  }

  private String refusal(ProblemException refused) {
    StringBuilder text =
        new StringBuilder(Messages.text(refused.code(), context.values().locale(), refused.args()));
    for (ProblemException.Violation v : refused.violations()) {
      text.append(" · ")
          .append(Messages.text(v.code(), context.values().locale(), v.args().toArray()));
    }
    return text.toString();
  }

  private static void show(String text, boolean problem) {
    Notification shown = Notification.show(text, 6000, Notification.Position.BOTTOM_CENTER);
    shown.setId("bulk-result");
    shown.addThemeVariants(
        problem ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
