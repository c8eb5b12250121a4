package io.relata.ui.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.directory.Users;
import io.relata.platform.record.RecordService;
import io.relata.ui.dashboard.DashboardPanel;
import io.relata.ui.screen.Address;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import io.relata.ui.shell.RecentRecords;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The user's start page: a greeting, the app's home dashboard ({@code ?app=}; else the app opened
 * last, else the first), the app's objects as tiles (every object the user may read when there are
 * no apps), and the records they opened last.
 */
@Route(value = "home", layout = MainLayout.class)
public class HomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  /** The session's attribute that remembers the app opened last. */
  private static final String APP = "relata.app";

  private final Workspace workspace;
  private final RecordService records;
  private final Users users;
  private final H1 greeting = new H1();
  private final Div board = new Div();
  private final H2 objectsTitle = new H2();
  private final Div tiles = new Div();
  private final Div recent = new Div();
  private final H2 recentTitle = new H2();

  @Inject
  public HomeView(Workspace workspace, RecordService records, Users users) {
    this.workspace = workspace;
    this.records = records;
    this.users = users;
    addClassName("relata-page");
    greeting.setId("greeting");
    tiles.addClassName("relata-tiles");
    tiles.setId("home-objects");
    recent.addClassName("relata-recent");
    recentTitle.setText(getTranslation("home.recent"));
    board.setId("home-dashboard");
    board.setWidthFull();
    add(greeting, board, objectsTitle, tiles, recentTitle, recent);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInUser.current()
        .ifPresent(
            actor -> {
              UserSettings settings = UserSettings.current().orElseThrow();
              greeting.setText(getTranslation("home.greeting", settings.displayName()));
              Workspace.View view = workspace.of(actor);
              Optional<Workspace.View.VisibleApp> app = app(view, event);
              board.removeAll();
              app.flatMap(a -> a.app().home())
                  .flatMap(view::dashboard)
                  .ifPresent(
                      dashboard ->
                          board.add(
                              new DashboardPanel(
                                  dashboard, view, records, users, settings.values())));
              objectsTitle.setText(
                  app.map(a -> Labels.app(a.app())).orElse(getTranslation("home.objects")));
              tiles.removeAll();
              for (ObjectDefinition object :
                  app.map(Workspace.View.VisibleApp::objects)
                      .orElseGet(() -> view.readableObjects(settings.locale()))) {
                Anchor tile = new Anchor("o/" + object.name());
                tile.addClassName("relata-tile");
                tile.getElement().setAttribute("data-object", object.name());
                Span label = new Span(Labels.plural(object));
                label.addClassName("relata-tile-label");
                tile.add(VaadinIcon.RECORDS.create(), label);
                tiles.add(tile);
              }
              if (tiles.getComponentCount() == 0) {
                tiles.add(new Paragraph(getTranslation("home.no-objects")));
              }
              recent.removeAll();
              for (RecentRecords.Entry entry :
                  RecentRecords.of(VaadinSession.getCurrent(), actor.id()).entries()) {
                view.readable(entry.object())
                    .ifPresent(
                        object -> {
                          Anchor link =
                              new Anchor("o/" + entry.object() + "/" + entry.id(), entry.name());
                          Span kind = new Span(Labels.singular(object));
                          kind.addClassName("relata-muted");
                          Div row = new Div(link, kind);
                          row.addClassName("relata-recent-row");
                          recent.add(row);
                        });
              }
              recentTitle.setVisible(recent.getComponentCount() > 0);
            });
  }

  /** The app the address names, else the one opened last, else the first; remembered. */
  private static Optional<Workspace.View.VisibleApp> app(
      Workspace.View view, BeforeEnterEvent event) {
    VaadinSession session = VaadinSession.getCurrent();
    Optional<String> named =
        Address.parameter(event, "app")
            .or(() -> Optional.ofNullable((String) session.getAttribute(APP)));
    Optional<Workspace.View.VisibleApp> app =
        named
            .flatMap(n -> view.apps().stream().filter(a -> a.app().name().equals(n)).findFirst())
            .or(() -> view.apps().stream().findFirst());
    session.setAttribute(APP, app.map(a -> a.app().name()).orElse(null));
    return app;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("home.page-title");
  }
}
