package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.Layout;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.type.FieldTypes;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.platform.record.RecordInput;
import io.relata.platform.record.RecordNotFoundException;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.StoredRecord;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.shell.MainLayout;
import io.relata.ui.shell.RecentRecords;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One record: its name and key fields, its stage path, the form from its layout (read until the
 * user edits), its related lists and its timeline. A record that does not exist, and one the user
 * may not read, is the same "not found".
 */
@Route(value = "o/:object/:id", layout = MainLayout.class)
public class RecordView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final Workspace workspace;
  private final RecordService records;
  private final Users users;
  private final Clock clock;
  private final io.relata.platform.approval.Approvals approvals;

  private EditorContext context;
  private ObjectAccess access;
  private UUID id;
  private StoredRecord record;
  private RecordForm form;
  private StagePath path;
  private TimelinePanel timeline;
  private io.relata.ui.approval.ApprovalBanner banner;
  private boolean editable;
  private final H1 name = new H1();
  private final Div highlights = new Div();
  private final Button edit = new Button();
  private final Button save = new Button();
  private final Button cancel = new Button();
  private final Button delete = new Button();

  @Inject
  public RecordView(
      Workspace workspace,
      RecordService records,
      Users users,
      Clock clock,
      io.relata.platform.approval.Approvals approvals) {
    this.workspace = workspace;
    this.records = records;
    this.users = users;
    this.clock = clock;
    this.approvals = approvals;
    addClassName("relata-page");
    addClassName("relata-record");
    // this view is reused when the user goes from one record to another: listeners are added once
    edit.setText(getTranslation("record.edit"));
    edit.setId("record-edit");
    edit.setIcon(VaadinIcon.EDIT.create());
    edit.addClickListener(e -> editing(true));
    save.setText(getTranslation("record.save"));
    save.setId("record-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(e -> save(Optional.empty()));
    cancel.setText(getTranslation("record.cancel"));
    cancel.setId("record-cancel");
    cancel.addClickListener(
        e -> {
          form.read(record.json());
          editing(false);
        });
    delete.setText(getTranslation("record.delete"));
    delete.setId("record-delete");
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    delete.addClickListener(e -> confirmDelete());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Actor actor = SignedInUser.current().orElseThrow();
    Workspace.View view = workspace.of(actor);
    Optional<ObjectDefinition> object = view.routed(event);
    if (object.isEmpty()) {
      return;
    }
    Optional<UUID> parsed = uuid(event.getRouteParameters().get("id").orElse(""));
    if (parsed.isEmpty()) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    id = parsed.get();
    access = view.access(object.get());
    context = QuickCreate.offeredIn(EditorContext.of(view, object.get(), records, users), clock);
    try {
      record = read();
    } catch (RecordNotFoundException | AccessDeniedException e) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    build();
    RecentRecords.of(VaadinSession.getCurrent(), actor.id())
        .opened(object.get().name(), id, title());
  }

  private StoredRecord read() {
    ObjectDefinition object = context.object();
    List<String> expand =
        SystemFields.of(object).stream()
            .filter(f -> !f.name().equals("id"))
            .filter(f -> FieldTypes.of(f.type()).reference() && access.visible(f.name()))
            .map(FieldDefinition::name)
            .toList();
    List<String> custom =
        object.fields().stream()
            .filter(f -> FieldTypes.of(f.type()).reference() && access.visible(f.name()))
            .map(FieldDefinition::name)
            .toList();
    List<String> all = new ArrayList<>(expand);
    all.addAll(custom);
    return records.read(context.actor(), object.name(), id, all);
  }

  private void build() {
    removeAll();
    path = null;
    ObjectDefinition object = context.object();
    Span kind = new Span(Labels.singular(object));
    kind.addClassName("relata-record-kind");
    name.setId("record-name");
    banner =
        new io.relata.ui.approval.ApprovalBanner(
            approvals,
            context.actor(),
            object,
            id,
            io.relata.ui.session.UserSettings.current().orElseThrow().values(),
            this::reload);
    // a record awaiting approval is locked: nobody edits it until the request is decided
    editable = canEdit() && !banner.pending();
    edit.setVisible(editable);
    delete.setVisible(access.rights().delete() && editable);
    HorizontalLayout actions = new HorizontalLayout(edit, cancel, save, delete);
    actions.addClassName("relata-record-actions");
    Div titles = new Div(kind, name);
    HorizontalLayout header = new HorizontalLayout(titles, actions);
    header.setWidthFull();
    header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
    header.setAlignItems(FlexComponent.Alignment.CENTER);
    header.addClassName("relata-record-header");
    highlights.addClassName("relata-highlights");
    add(header, highlights, banner);

    if (object.pipeline().isPresent() && access.visible("stage")) {
      path = new StagePath(object.pipeline().get(), this::move);
      add(path);
    }
    form = new RecordForm(context, access);
    Div main = new Div(form, new RelatedLists(context, id));
    main.addClassName("relata-record-main");
    timeline = new TimelinePanel(context, id, clock);
    Div side = new Div(timeline);
    side.addClassName("relata-record-side");
    Div columns = new Div(main, side);
    columns.addClassName("relata-record-columns");
    add(columns);
    show();
    editing(false);
  }

  private boolean canEdit() {
    return records.editable(context.actor(), context.object().name(), id);
  }

  /** Shows the record as last read. */
  private void show() {
    JsonNode json = record.json();
    name.setText(title());
    form.read(json);
    highlights.removeAll();
    for (FieldDefinition field : highlighted()) {
      String text = context.values().text(context.object(), field, json);
      Div one = new Div(new Span(Labels.field(field)), new Span(text.isEmpty() ? "—" : text));
      one.addClassName("relata-highlight");
      one.getElement().setAttribute("data-field", field.name());
      highlights.add(one);
    }
    if (path != null) {
      path.show(json.path("stage").asText(""), editable);
    }
  }

  /** The first fields of the layout, beside the name: what the header shows. */
  private List<FieldDefinition> highlighted() {
    List<FieldDefinition> fields = new ArrayList<>();
    for (Layout.Section section : RecordForm.sections(context.object())) {
      for (String field : section.fields()) {
        if (fields.size() >= 3) {
          break;
        }
        SystemFields.field(context.object(), field)
            .filter(f -> !f.name().equals(context.object().nameField()))
            .filter(f -> !f.name().equals("stage"))
            .filter(f -> access.visible(f.name()))
            .ifPresent(fields::add);
      }
    }
    SystemFields.field(context.object(), "owner_id").ifPresent(fields::add);
    return fields;
  }

  private String title() {
    String text = record.json().path(context.object().nameField()).asText("");
    return text.isBlank() ? Labels.singular(context.object()) : text;
  }

  private void editing(boolean on) {
    form.setEditing(on);
    edit.setVisible(!on && editable);
    save.setVisible(on);
    cancel.setVisible(on);
    if (path != null) {
      // a move would show the record as stored over the user's unsaved edits
      path.show(record.json().path("stage").asText(""), editable && !on);
    }
  }

  /** Saves what the user changed, plus {@code extra} (fields a stage asked for). */
  private void save(Optional<RecordInput> extra) {
    RecordInput changes = form.changes();
    if (extra.isPresent()) {
      java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(changes.values());
      all.putAll(extra.get().values());
      changes = RecordInput.of(all);
    }
    if (changes.names().isEmpty()) {
      editing(false);
      return;
    }
    write(changes);
  }

  private boolean write(RecordInput changes) {
    try {
      records.update(
          WriteContext.of(context.actor(), WriteContext.Channel.SCREEN, clock),
          context.object().name(),
          id,
          changes,
          OptionalLong.of(version()));
      record = read();
      show();
      editing(false);
      timeline.page(true);
      return true;
    } catch (InvalidRequestException refused) {
      Problems.notify(form.show(refused.violations(), getLocale()));
    } catch (ConflictException stale) {
      if (stale.code().equals("problem.stale")) {
        StoredRecord current = read();
        new ConflictDialog(context, record, current, changes, this::reapply).open();
      } else {
        Problems.notify(form.show(stale.violations(), getLocale()));
      }
    } catch (ProblemException other) {
      Problems.notify(List.of(Problems.text(other, getLocale())));
    }
    return false;
  }

  /** After a conflict: the record as it is now, with the user's changes written over it. */
  private void reapply(StoredRecord current, RecordInput mine) {
    record = current;
    show();
    if (mine.names().isEmpty()) {
      editing(false); // the user keeps the other save
      return;
    }
    // the user's values over the current record, so that a refusal still shows what they typed
    com.fasterxml.jackson.databind.node.ObjectNode theirs = current.json().deepCopy();
    mine.values()
        .forEach((name, value) -> theirs.set(name, io.relata.platform.json.JsonCodec.value(value)));
    form.read(theirs);
    editing(true);
    write(mine);
  }

  private long version() {
    return record.json().path("version").asLong();
  }

  /** Moves the record to {@code stage}; fields the stage requires are asked for first. */
  private void move(String stage) {
    String label =
        context
            .object()
            .pipeline()
            .flatMap(p -> p.stage(stage))
            .map(io.relata.ui.screen.Labels::stage)
            .orElse(stage);
    StageMove.run(
        context, access, clock, record.json(), "stage", stage, label, this::reload, this::reload);
  }

  /** The record read again and shown anew: after a move, a request asked for or decided. */
  private void reload() {
    try {
      record = read();
    } catch (RecordNotFoundException | AccessDeniedException gone) {
      // the write gave the record away (an automation changed its owner): back to the list
      getUI().ifPresent(ui -> ui.navigate("o/" + context.object().name()));
      return;
    }
    build();
  }

  private void confirmDelete() {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("confirm-delete");
    confirm.setHeader(getTranslation("record.delete.title", title()));
    confirm.setText(getTranslation("record.delete.text"));
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("dialog.cancel"));
    confirm.setConfirmText(getTranslation("record.delete"));
    confirm.setConfirmButtonTheme("error primary");
    confirm.addConfirmListener(
        e -> {
          try {
            records.delete(
                WriteContext.of(context.actor(), WriteContext.Channel.SCREEN, clock),
                context.object().name(),
                id,
                OptionalLong.of(version()));
            getUI().ifPresent(ui -> ui.navigate("o/" + context.object().name()));
          } catch (ProblemException refused) {
            Problems.notify(List.of(Problems.text(refused, getLocale())));
          }
        });
    confirm.open();
  }

  @Override
  public String getPageTitle() {
    return record == null ? "Relata" : title() + " · Relata";
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
