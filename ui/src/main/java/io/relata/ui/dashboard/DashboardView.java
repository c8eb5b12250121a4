package io.relata.ui.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.relata.metadata.presentation.Dashboard;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.view.PersonalDashboards;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@code /dashboards/{name}}: a shared dashboard, or with {@code ~name} one of the user's own,
 * computed for the viewer as they open it. A shared one can be copied to the user's own; on their
 * own, they take widgets away or delete it.
 */
@Route(value = "dashboards/:name", layout = MainLayout.class)
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  /** How the address and the drawer name a personal dashboard. */
  public static final String PERSONAL = "~";

  private final Workspace workspace;
  private final RecordService records;
  private final Users users;
  private final PersonalDashboards personal;
  private String title = "";

  @Inject
  public DashboardView(
      Workspace workspace, RecordService records, Users users, PersonalDashboards personal) {
    this.workspace = workspace;
    this.records = records;
    this.users = users;
    this.personal = personal;
    addClassName("relata-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Actor actor = SignedInUser.current().orElseThrow();
    Workspace.View view = workspace.of(actor);
    String name = event.getRouteParameters().get("name").orElse("");
    boolean mine = name.startsWith(PERSONAL);
    Optional<Dashboard> dashboard =
        mine
            ? personal.of(actor).stream()
                .filter(d -> d.name().equals(name.substring(PERSONAL.length())))
                .findFirst()
            : view.dashboard(name);
    if (dashboard.isEmpty()) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    removeAll();
    title = Labels.dashboard(dashboard.get());
    H1 heading = new H1(title);
    heading.setId("dashboard-title");
    HorizontalLayout header = new HorizontalLayout(heading);
    header.setWidthFull();
    header.setAlignItems(FlexComponent.Alignment.CENTER);
    header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
    header.add(mine ? delete(actor, dashboard.get()) : copy(actor, view, dashboard.get()));
    add(header);
    dashboard.get().description().map(Paragraph::new).ifPresent(this::add);
    add(
        new DashboardPanel(
            dashboard.get(),
            view,
            records,
            users,
            UserSettings.current().orElseThrow().values(),
            mine ? index -> removeWidget(actor, dashboard.get(), index) : null));
  }

  /** A copy of the shared dashboard as the user's own, with the widgets they see on it. */
  private Button copy(Actor actor, Workspace.View view, Dashboard dashboard) {
    Button copy = new Button(getTranslation("dashboard.copy"), VaadinIcon.COPY_O.create());
    copy.setId("dashboard-copy");
    copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    copy.addClickListener(
        e -> {
          ObjectNode document = view.dashboardDocument(dashboard.name()).orElseThrow();
          ArrayNode widgets = document.putArray("widgets");
          for (int i = 0; i < dashboard.widgets().size(); i++) {
            if (view.visible(dashboard.widgets().get(i))) {
              ObjectNode widget = view.dashboardWidget(dashboard.name(), i).orElseThrow();
              widget.remove("role"); // a role narrows figures for managers, who set it
              widgets.add(widget);
            }
          }
          document.remove("labels");
          document.put(
              "label", getTranslation("dashboard.copy-label", Labels.dashboard(dashboard)));
          String name = "my_" + dashboard.name().replaceAll("[^a-z0-9_]", "_");
          try {
            personal.save(actor, name.length() > 63 ? name.substring(0, 63) : name, document);
          } catch (ProblemException refused) {
            Notification.show(Problems.text(refused, getLocale()));
            return;
          }
          UI.getCurrent().navigate("dashboards/" + PERSONAL + name);
        });
    return copy;
  }

  private Button delete(Actor actor, Dashboard dashboard) {
    Button delete = new Button(getTranslation("dashboard.delete"), VaadinIcon.TRASH.create());
    delete.setId("dashboard-delete");
    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    delete.addClickListener(
        e ->
            io.relata.ui.screen.ConfirmDelete.open(
                "dashboard-delete-confirm",
                getTranslation("dashboard.delete.question", Labels.dashboard(dashboard)),
                getTranslation("dashboard.delete"),
                "dashboard-delete-yes",
                () -> {
                  personal.delete(actor, dashboard.name());
                  UI.getCurrent().navigate("home");
                }));
    return delete;
  }

  /** The user's dashboard without its widget {@code index}, saved, and shown again. */
  private void removeWidget(Actor actor, Dashboard dashboard, int index) {
    personal.documents(actor).stream()
        .filter(d -> d.path("name").asText().equals(dashboard.name()))
        .findFirst()
        .ifPresent(
            document -> {
              ((ArrayNode) document.withArray("widgets")).remove(index);
              try {
                personal.save(actor, dashboard.name(), document);
              } catch (ProblemException refused) {
                Notification.show(Problems.text(refused, getLocale()));
                return;
              }
              UI.getCurrent().getPage().reload();
            });
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
