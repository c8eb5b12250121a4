package io.relata.ui.setup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.relata.metadata.access.PermissionSet;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.directory.Group;
import io.relata.platform.directory.GroupBodies;
import io.relata.platform.directory.Groups;
import io.relata.platform.directory.Page;
import io.relata.platform.directory.Users;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.ConfirmDelete;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One group, or a new one (no name in the address): its name, label and permission sets, and its
 * members, added by finding a user and removed one by one. What the form holds is read as the API's
 * body is ({@link GroupBodies}), so the same problems come back, shown at their fields.
 */
@Route(value = "setup/group/:name?", layout = MainLayout.class)
public class GroupView extends SetupPage {

  /** How many members a page of the directory holds while the list is read. */
  private static final int PAGE = 200;

  private final Groups groups;
  private final Users users;
  private final MetadataService metadata;
  private final Map<String, Component> fields = new LinkedHashMap<>();
  private Optional<Group> group = Optional.empty();

  @Inject
  public GroupView(Workspace workspace, Groups groups, Users users, MetadataService metadata) {
    super(workspace);
    this.groups = groups;
    this.users = users;
    this.metadata = metadata;
    addClassName("relata-setup-group");
  }

  @Override
  boolean allowed(Workspace.View view) {
    return view.holds(SystemPermission.MANAGE_USERS);
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    Optional<String> name = event.getRouteParameters().get("name");
    if (name.isEmpty()) {
      group = Optional.empty();
    } else {
      if (!GroupBodies.named(name.get())) {
        return false;
      }
      try {
        group = Optional.of(groups.get(name.get()));
      } catch (ProblemException none) {
        return false;
      }
    }
    render();
    return true;
  }

  private void render() {
    removeAll();
    fields.clear();
    Optional<Group> shown = group;
    TextField name = new TextField(getTranslation("setup.groups.name"));
    name.setId("group-name");
    name.setHelperText(getTranslation("setup.groups.name-help"));
    name.setReadOnly(shown.isPresent());
    shown.ifPresent(g -> name.setValue(g.name()));
    fields.put("name", name);
    TextField label = new TextField(getTranslation("setup.groups.label"));
    label.setId("group-label");
    shown.ifPresent(g -> label.setValue(g.label()));
    fields.put("label", label);
    MultiSelectComboBox<String> sets =
        new MultiSelectComboBox<>(getTranslation("setup.users.permission-sets"));
    sets.setId("group-permissionSets");
    Map<String, String> known = new LinkedHashMap<>();
    metadata.current().access().permissionSets().stream()
        .sorted(Comparator.comparing(PermissionSet::label))
        .forEach(p -> known.put(p.name(), p.label()));
    sets.setItems(known.keySet());
    sets.setItemLabelGenerator(n -> known.getOrDefault(n, n));
    shown.ifPresent(g -> sets.setValue(new LinkedHashSet<>(g.permissionSets())));
    sets.setHelperText(getTranslation("setup.groups.sets-help"));
    fields.put("permissionSets", sets);
    FormLayout form = new FormLayout(name, label, sets);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    form.setColspan(sets, 2);

    Button save = new Button(getTranslation("setup.save"), e -> save());
    save.setId("group-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout actions = new HorizontalLayout(save);
    actions.addClassName("relata-setup-actions");
    shown.ifPresent(
        g -> {
          Button delete =
              new Button(
                  getTranslation("setup.delete"),
                  e ->
                      ConfirmDelete.open(
                          "group-delete-confirm",
                          getTranslation("setup.groups.delete-question", g.label(), g.members()),
                          getTranslation("setup.delete"),
                          "group-delete-yes",
                          this::delete));
          delete.setId("group-delete");
          delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
          actions.add(delete);
        });
    add(
        back(getTranslation("setup.groups.title"), GroupsView.class, RouteParameters.empty()),
        new H1(shown.map(Group::label).orElse(getTranslation("setup.groups.new"))),
        form,
        actions);
    shown.ifPresent(g -> add(members(g)));
  }

  /** The members, with a way to add one by name and to remove each. */
  private Component members(Group shown) {
    List<Group.Member> members = allMembers(shown.name());
    Map<UUID, String> names = users.names(members.stream().map(Group.Member::id).toList());
    H2 heading = new H2(getTranslation("setup.groups.members-of", members.size()));
    UserPicker pick =
        new UserPicker(users, getTranslation("setup.groups.add-member"), Optional.empty());
    pick.setId("group-add-member");
    pick.setPlaceholder(getTranslation("setup.groups.find-user"));
    pick.addValueChangeListener(
        e -> {
          if (e.getValue() != null && e.isFromClient()) {
            membership(e.getValue().id(), true, e.getValue().name());
          }
        });
    Grid<Group.Member> grid = new Grid<>();
    grid.setId("group-members");
    grid.addClassName("relata-setup-grid");
    grid.addColumn(m -> names.getOrDefault(m.id(), m.username()))
        .setHeader(getTranslation("setup.users.name"))
        .setAutoWidth(true)
        .setFlexGrow(1);
    grid.addColumn(Group.Member::username)
        .setHeader(getTranslation("setup.users.username"))
        .setAutoWidth(true);
    grid.addComponentColumn(
            m -> {
              Span state =
                  new Span(
                      getTranslation(m.active() ? "setup.users.active" : "setup.users.frozen"));
              state.addClassNames(
                  "relata-status", "relata-status-" + (m.active() ? "active" : "frozen"));
              return state;
            })
        .setHeader(getTranslation("setup.users.status"))
        .setAutoWidth(true);
    grid.addComponentColumn(
            m -> {
              Button remove =
                  new Button(
                      VaadinIcon.CLOSE_SMALL.create(),
                      e -> membership(m.id(), false, names.getOrDefault(m.id(), m.username())));
              remove.setId("group-remove-" + m.username());
              remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
              remove.setAriaLabel(
                  getTranslation(
                      "setup.groups.remove-member", names.getOrDefault(m.id(), m.username())));
              return remove;
            })
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.setItems(members);
    grid.setAllRowsVisible(members.size() <= 50);
    HorizontalLayout head = new HorizontalLayout(heading, pick);
    head.setAlignItems(FlexComponent.Alignment.BASELINE);
    head.addClassName("relata-setup-members-head");
    com.vaadin.flow.component.html.Div section = new com.vaadin.flow.component.html.Div(head);
    section.addClassName("relata-setup-members");
    if (members.isEmpty()) {
      Span none = new Span(getTranslation("setup.groups.no-members"));
      none.setId("group-no-members");
      section.add(none);
    } else {
      section.add(grid);
    }
    return section;
  }

  private List<Group.Member> allMembers(String name) {
    return Page.every(cursor -> groups.members(name, cursor, PAGE));
  }

  private void membership(UUID user, boolean member, String who) {
    try {
      boolean changed = groups.membership(actor(), group.orElseThrow().name(), user, member);
      group = Optional.of(groups.get(group.get().name()));
      done(
          getTranslation(
              !changed
                  ? "setup.groups.member-already"
                  : member ? "setup.groups.member-added" : "setup.groups.member-removed",
              who));
      render();
    } catch (ProblemException refused) {
      Problems.notify(List.of(Problems.text(refused, getLocale())));
    }
  }

  /** The form's values as the API's body. */
  private ObjectNode body() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("label", ((TextField) fields.get("label")).getValue().strip());
    @SuppressWarnings("unchecked")
    MultiSelectComboBox<String> sets = (MultiSelectComboBox<String>) fields.get("permissionSets");
    sets.getListDataView()
        .getItems()
        .filter(sets.getValue()::contains)
        .forEach(body.putArray("permissionSets")::add);
    return body;
  }

  private void save() {
    fields.values().forEach(f -> ((HasValidation) f).setInvalid(false));
    String name =
        group.map(Group::name).orElse(((TextField) fields.get("name")).getValue().strip());
    try {
      GroupBodies.Body body = GroupBodies.read(name, body());
      if (group.isEmpty()) {
        // a new group never replaces one of its name, also one made a moment ago by another
        Group created = groups.create(actor(), body);
        group = Optional.of(created);
        done(getTranslation("setup.groups.created", created.label()));
        getUI()
            .ifPresent(
                ui -> ui.navigate(GroupView.class, new RouteParameters("name", created.name())));
      } else {
        group = Optional.of(groups.put(actor(), body).group());
        done(getTranslation("setup.users.saved"));
        render();
      }
    } catch (ProblemException refused) {
      refused(fields, refused);
    }
  }

  private void delete() {
    try {
      groups.delete(actor(), group.orElseThrow().name());
      done(getTranslation("setup.groups.deleted", group.get().label()));
      getUI().ifPresent(ui -> ui.navigate(GroupsView.class));
    } catch (ProblemException refused) {
      Problems.notify(List.of(Problems.text(refused, getLocale())));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.groups.title");
  }
}
