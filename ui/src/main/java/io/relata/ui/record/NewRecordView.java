package io.relata.ui.record;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.StoredRecord;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new record through the object's form, its defaults shown and any field named in the address
 * filled in ({@code ?account=…} from a related list's "new"). Nothing is stored until the platform
 * accepts it; its problems show at their fields.
 */
@Route(value = "o/:object/new", layout = MainLayout.class)
public class NewRecordView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final Workspace workspace;
  private final RecordService records;
  private final Users users;
  private final Clock clock;
  private ObjectDefinition object;

  @Inject
  public NewRecordView(Workspace workspace, RecordService records, Users users, Clock clock) {
    this.workspace = workspace;
    this.records = records;
    this.users = users;
    this.clock = clock;
    addClassName("relata-page");
    addClassName("relata-record");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Actor actor = SignedInUser.current().orElseThrow();
    Workspace.View view = workspace.of(actor);
    Optional<ObjectDefinition> found = view.routed(event);
    if (found.isEmpty()) {
      return;
    }
    object = found.get();
    ObjectAccess access = view.access(object);
    if (!access.rights().create()) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    EditorContext context =
        QuickCreate.offeredIn(EditorContext.of(view, object, records, users), clock);
    RecordForm form = new RecordForm(context, access);
    Map<String, String> given = new java.util.HashMap<>();
    event
        .getLocation()
        .getQueryParameters()
        .getParameters()
        .forEach((name, values) -> values.stream().findFirst().ifPresent(v -> given.put(name, v)));
    form.read(named(NewRecords.initial(object, given), context));
    form.setEditing(true);

    H1 title = new H1(getTranslation("record.new.title", Labels.singular(object)));
    title.setId("record-name");
    Button save = new Button(getTranslation("record.save"));
    save.setId("record-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("record.cancel"));
    cancel.setId("record-cancel");
    cancel.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate("o/" + object.name())));
    save.addClickListener(
        e -> {
          try {
            StoredRecord created =
                records.create(
                    WriteContext.of(actor, WriteContext.Channel.SCREEN, clock),
                    object.name(),
                    form.values());
            getUI().ifPresent(ui -> ui.navigate("o/" + object.name() + "/" + created.id()));
          } catch (ProblemException refused) {
            // a refusal of values (a value a unique field has already too) is said at its field
            Problems.notify(
                refused.violations().isEmpty()
                    ? List.of(Problems.text(refused, getLocale()))
                    : form.show(refused.violations(), getLocale()));
          }
        });
    HorizontalLayout actions = new HorizontalLayout(cancel, save);
    HorizontalLayout header = new HorizontalLayout(title, actions);
    header.setWidthFull();
    header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
    header.setAlignItems(FlexComponent.Alignment.CENTER);
    header.addClassName("relata-record-header");
    removeAll();
    add(header, form);
  }

  /**
   * A reference filled in by the address (a related list's "new") named as the record it is, when
   * the user may read it: the form shows "Acme Oy", not an id.
   */
  private com.fasterxml.jackson.databind.node.ObjectNode named(
      com.fasterxml.jackson.databind.node.ObjectNode initial, EditorContext context) {
    for (FieldDefinition field : object.fields()) {
      String target =
          field.type() instanceof io.relata.metadata.definition.FieldType.Lookup lookup
              ? lookup.target()
              : field.type() instanceof io.relata.metadata.definition.FieldType.MasterDetail md
                  ? md.target()
                  : null;
      if (target == null || !initial.path(field.name()).isTextual()) {
        continue;
      }
      String id = initial.path(field.name()).asText();
      context
          .view()
          .readable(target)
          .ifPresent(
              parent -> {
                try {
                  String name =
                      records
                          .read(context.actor(), target, java.util.UUID.fromString(id), List.of())
                          .json()
                          .path(parent.nameField())
                          .asText();
                  initial.set(field.name(), JsonCodec.object().put("id", id).put("name", name));
                } catch (ProblemException | IllegalArgumentException unseen) {
                  // not a record the user may read: left as given, the platform decides on save
                }
              });
    }
    return initial;
  }

  @Override
  public String getPageTitle() {
    return object == null
        ? "Relata"
        : getTranslation("record.new.title", Labels.singular(object)) + " · Relata";
  }
}
