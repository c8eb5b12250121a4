package io.relata.ui.dashboard;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.relata.metadata.presentation.Dashboard;
import io.relata.platform.directory.Users;
import io.relata.platform.record.RecordService;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.Optional;

/** {@code /dashboards/{name}}: a shared dashboard, computed for the viewer as they open it. */
@Route(value = "dashboards/:name", layout = MainLayout.class)
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final Workspace workspace;
  private final RecordService records;
  private final Users users;
  private String title = "";

  @Inject
  public DashboardView(Workspace workspace, RecordService records, Users users) {
    this.workspace = workspace;
    this.records = records;
    this.users = users;
    addClassName("relata-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Workspace.View view = workspace.of(SignedInUser.current().orElseThrow());
    Optional<Dashboard> dashboard = event.getRouteParameters().get("name").flatMap(view::dashboard);
    if (dashboard.isEmpty()) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    removeAll();
    title = io.relata.ui.screen.Labels.dashboard(dashboard.get());
    H1 heading = new H1(title);
    heading.setId("dashboard-title");
    add(heading);
    dashboard.get().description().map(Paragraph::new).ifPresent(this::add);
    add(
        new DashboardPanel(
            dashboard.get(), view, records, users, UserSettings.current().orElseThrow().values()));
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
