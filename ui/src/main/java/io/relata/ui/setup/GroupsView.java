package io.relata.ui.setup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.directory.Group;
import io.relata.platform.directory.Groups;
import io.relata.platform.directory.Page;
import io.relata.ui.screen.Workspace;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The groups of users, for holders of {@code manage-users}: sharing rules and shares name them, and
 * their members hold the permission sets given to the group. A group opens in {@link GroupView};
 * "New group" starts one.
 */
@Route(value = "setup/groups", layout = MainLayout.class)
public class GroupsView extends SetupPage {

  /** How many groups a page of the directory holds while the list is read. */
  private static final int PAGE = 200;

  private final Groups groups;

  @Inject
  public GroupsView(Workspace workspace, Groups groups) {
    super(workspace);
    this.groups = groups;
  }

  @Override
  boolean allowed(Workspace.View view) {
    return view.holds(SystemPermission.MANAGE_USERS);
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    removeAll();
    List<Group> all = all(groups);
    Grid<Group> grid = new Grid<>();
    grid.setId("groups-grid");
    grid.addClassName("relata-setup-grid");
    grid.addColumn(Group::label)
        .setHeader(getTranslation("setup.groups.label"))
        .setSortable(true)
        .setAutoWidth(true);
    grid.addColumn(Group::name).setHeader(getTranslation("setup.groups.name")).setAutoWidth(true);
    grid.addColumn(Group::members)
        .setHeader(getTranslation("setup.groups.members"))
        .setSortable(true)
        .setAutoWidth(true);
    grid.addColumn(group -> String.join(", ", group.permissionSets()))
        .setHeader(getTranslation("setup.users.permission-sets"))
        .setFlexGrow(1);
    grid.setItems(all);
    grid.setAllRowsVisible(all.size() <= 50);
    grid.addItemClickListener(e -> open(e.getItem().name()));
    Button create =
        new Button(
            getTranslation("setup.groups.new"),
            VaadinIcon.PLUS.create(),
            e -> getUI().ifPresent(ui -> ui.navigate(GroupView.class)));
    create.setId("groups-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout head =
        new HorizontalLayout(new H1(getTranslation("setup.groups.title")), create);
    head.addClassName("relata-setup-head");
    head.setAlignItems(FlexComponent.Alignment.CENTER);
    head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
    head.setWidthFull();
    add(back(getTranslation("setup.title"), SetupView.class, RouteParameters.empty()), head);
    if (all.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("setup.groups.none"));
      none.setId("groups-none");
      add(none);
    } else {
      add(grid);
    }
    return true;
  }

  private void open(String name) {
    getUI().ifPresent(ui -> ui.navigate(GroupView.class, new RouteParameters("name", name)));
  }

  /** Every group, page by page: an organisation's groups fit a screen's list. */
  static List<Group> all(Groups groups) {
    return Page.every(cursor -> groups.list(cursor, PAGE));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.groups.title");
  }
}
