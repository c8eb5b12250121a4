package io.relata.ui.shell;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The frame of every signed-in screen: the drawer with home, the objects the user may read and the
 * records they viewed last; the bar with global search (Ctrl+K), notifications and the user menu.
 * Rebuilt on every navigation, so that a metadata change shows at the next click.
 */
@StyleSheet("context://styles/relata.css")
public class MainLayout extends AppLayout implements BeforeEnterObserver {

  private static final int TYPE_AHEAD = 8;

  private final Workspace workspace;
  private final Users users;
  private final com.vaadin.flow.component.html.Div apps = new com.vaadin.flow.component.html.Div();
  private final SideNav objects = new SideNav();
  private final SideNav dashboards = new SideNav();
  private final SideNav recent = new SideNav();
  private final SideNav setup = new SideNav();
  private final Span userName = new Span();
  private final NotificationBell bell;
  private final Avatar avatar = new Avatar();
  private final com.vaadin.flow.component.combobox.ComboBox<Hit> search =
      new com.vaadin.flow.component.combobox.ComboBox<>();
  private final io.relata.platform.record.RecordService records;
  private final io.relata.platform.identity.ApiTokens tokens;
  private final io.relata.platform.view.PersonalDashboards personal;
  private final java.time.Clock clock;

  /** A record global search found: what to open and how to name it. */
  record Hit(String object, String objectLabel, String id, String name)
      implements java.io.Serializable {}

  @Inject
  public MainLayout(
      Workspace workspace,
      Users users,
      io.relata.platform.record.RecordService records,
      io.relata.platform.identity.ApiTokens tokens,
      io.relata.platform.view.PersonalDashboards personal,
      io.relata.platform.notification.Notifications notifications,
      java.time.Clock clock) {
    this.personal = personal;
    this.bell = new NotificationBell(notifications, clock);
    this.workspace = workspace;
    this.users = users;
    this.records = records;
    this.tokens = tokens;
    this.clock = clock;
    setPrimarySection(Section.DRAWER);
    addToNavbar(new DrawerToggle(), bar());
    addToDrawer(drawer());
  }

  private HorizontalLayout bar() {
    search.setId("global-search");
    search.setPlaceholder(getTranslation("shell.search.placeholder"));
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.addClassName("relata-global-search");
    search.setAllowCustomValue(true);
    search.setItemLabelGenerator(Hit::name);
    search.setRenderer(
        com.vaadin.flow.data.renderer.LitRenderer.<Hit>of(
                "<div class=\"relata-hit\" data-object=\"${item.object}\">"
                    + "<span>${item.name}</span>"
                    + "<span class=\"relata-muted\">${item.kind}</span></div>")
            .withProperty("object", Hit::object)
            .withProperty("name", Hit::name)
            .withProperty("kind", Hit::objectLabel));
    search.setItems(
        query ->
            hits(query.getFilter().orElse("")).stream()
                .skip(query.getOffset())
                .limit(query.getLimit()));
    search.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            Hit hit = e.getValue();
            search.clear();
            UI.getCurrent().navigate("o/" + hit.object() + "/" + hit.id());
          }
        });
    search.addCustomValueSetListener(
        e -> {
          search.clear();
          searchFor(e.getDetail());
        });
    Shortcuts.addShortcutListener(this, search::focus, Key.KEY_K, KeyModifier.CONTROL)
        .listenOn(this);

    MenuBar menu = new MenuBar();
    menu.setId("user-menu");
    menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
    HorizontalLayout who = new HorizontalLayout(avatar, userName);
    who.setAlignItems(FlexComponent.Alignment.CENTER);
    who.setSpacing(false);
    who.addClassName("relata-user");
    avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_SMALL);
    MenuItem root = menu.addItem(who);
    MenuItem profile =
        root.getSubMenu()
            .addItem(getTranslation("shell.profile"), e -> new ProfileDialog(users).open());
    profile.setId("profile");
    MenuItem password =
        root.getSubMenu()
            .addItem(getTranslation("shell.password"), e -> new PasswordDialog(users).open());
    password.setId("password");
    MenuItem apiTokens =
        root.getSubMenu()
            .addItem(getTranslation("shell.tokens"), e -> new TokensDialog(tokens, clock).open());
    apiTokens.setId("tokens");
    MenuItem signOut = root.getSubMenu().addItem(getTranslation("shell.sign-out"), e -> signOut());
    signOut.setId("sign-out");

    Span brand = new Span("Relata");
    brand.addClassName("relata-brand");
    HorizontalLayout bar = new HorizontalLayout(brand, search, bell, menu);
    bar.setWidthFull();
    bar.setAlignItems(FlexComponent.Alignment.CENTER);
    bar.expand(search);
    bar.addClassName("relata-bar");
    return bar;
  }

  private com.vaadin.flow.component.Component drawer() {
    SideNav home = new SideNav();
    SideNavItem homeItem = new SideNavItem(getTranslation("shell.home"), "home");
    homeItem.setPrefixComponent(VaadinIcon.HOME_O.create());
    home.addItem(homeItem);
    SideNavItem approvalsItem = new SideNavItem(getTranslation("shell.approvals"), "approvals");
    approvalsItem.setPrefixComponent(VaadinIcon.CHECK_SQUARE_O.create());
    approvalsItem.setId("nav-approvals");
    home.addItem(approvalsItem);
    objects.setLabel(getTranslation("shell.objects"));
    objects.setId("nav-objects");
    apps.setId("nav-apps");
    apps.addClassName("relata-nav-apps");
    dashboards.setLabel(getTranslation("shell.dashboards"));
    dashboards.setId("nav-dashboards");
    dashboards.setCollapsible(true);
    recent.setLabel(getTranslation("shell.recent"));
    recent.setId("nav-recent");
    recent.setCollapsible(true);
    SideNavItem setupItem = new SideNavItem(getTranslation("shell.setup"), "setup");
    setupItem.setPrefixComponent(VaadinIcon.COG_O.create());
    setupItem.setId("nav-setup");
    setup.addItem(setupItem);
    setup.setVisible(false);
    com.vaadin.flow.component.orderedlayout.VerticalLayout drawer =
        new com.vaadin.flow.component.orderedlayout.VerticalLayout(
            home, apps, objects, dashboards, recent, setup);
    drawer.addClassName("relata-drawer");
    drawer.setPadding(true);
    return drawer;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Actor actor = SignedInUser.current().orElse(null);
    if (actor == null) {
      return; // the guard sends the browser to the sign-in page
    }
    UserSettings settings = UserSettings.current().orElseThrow();
    userName.setText(settings.displayName());
    bell.refresh();
    avatar.setName(settings.displayName());
    Workspace.View view = workspace.of(actor);
    apps.removeAll();
    java.util.Set<String> inApps = new java.util.HashSet<>();
    for (Workspace.View.VisibleApp app : view.apps()) {
      apps.add(appNav(app));
      app.objects().forEach(o -> inApps.add(o.name()));
    }
    objects.removeAll();
    objects.setLabel(getTranslation(inApps.isEmpty() ? "shell.objects" : "shell.other-objects"));
    for (ObjectDefinition object : view.readableObjects(settings.locale())) {
      if (!inApps.contains(object.name())) {
        objects.addItem(objectItem(object));
      }
    }
    objects.setVisible(!objects.getItems().isEmpty());
    dashboards.removeAll();
    for (io.relata.metadata.presentation.Dashboard dashboard : view.dashboards()) {
      SideNavItem item =
          new SideNavItem(Labels.dashboard(dashboard), "dashboards/" + dashboard.name());
      item.setPrefixComponent(VaadinIcon.DASHBOARD.create());
      item.getElement().setAttribute("data-dashboard", dashboard.name());
      dashboards.addItem(item);
    }
    for (io.relata.metadata.presentation.Dashboard mine : personal.of(actor)) {
      SideNavItem item =
          new SideNavItem(
              Labels.dashboard(mine),
              "dashboards/" + io.relata.ui.dashboard.DashboardView.PERSONAL + mine.name());
      item.setPrefixComponent(VaadinIcon.USER_CARD.create());
      item.getElement().setAttribute("data-dashboard", "~" + mine.name());
      dashboards.addItem(item);
    }
    dashboards.setVisible(!dashboards.getItems().isEmpty());
    recent.removeAll();
    for (RecentRecords.Entry entry :
        RecentRecords.of(VaadinSession.getCurrent(), actor.id()).entries()) {
      if (view.readable(entry.object()).isPresent()) {
        recent.addItem(new SideNavItem(entry.name(), "o/" + entry.object() + "/" + entry.id()));
      }
    }
    recent.setVisible(!recent.getItems().isEmpty());
    // Setup is for those who configure Relata; the platform checks again on every change
    setup.setVisible(view.configures());
  }

  /** An app's part of the drawer: its home, then its objects in its order. */
  private SideNav appNav(Workspace.View.VisibleApp app) {
    SideNav nav = new SideNav(Labels.app(app.app()));
    nav.setCollapsible(true);
    nav.getElement().setAttribute("data-app", app.app().name());
    nav.addClassName("relata-nav-app");
    if (app.app().home().isPresent()) {
      SideNavItem home =
          new SideNavItem(getTranslation("shell.app-home"), "home?app=" + app.app().name());
      home.setPrefixComponent(
          new com.vaadin.flow.component.icon.Icon("vaadin", app.app().icon().orElse("grid-big")));
      home.getElement().setAttribute("data-app-home", app.app().name());
      nav.addItem(home);
    }
    app.objects().forEach(o -> nav.addItem(objectItem(o)));
    return nav;
  }

  private static SideNavItem objectItem(ObjectDefinition object) {
    SideNavItem item = new SideNavItem(Labels.plural(object), "o/" + object.name());
    item.setPrefixComponent(VaadinIcon.RECORDS.create());
    item.getElement().setAttribute("data-object", object.name());
    return item;
  }

  /** The best matches of what is typed, across the objects the user may read: type-ahead. */
  private java.util.List<Hit> hits(String typed) {
    String text = typed.strip();
    java.util.List<Hit> hits = new java.util.ArrayList<>();
    Actor actor = SignedInUser.current().orElse(null);
    if (actor == null || text.length() < 2) {
      return hits;
    }
    Workspace.View view = workspace.of(actor);
    try {
      for (com.fasterxml.jackson.databind.JsonNode hit :
          records.search(actor, text, java.util.Optional.empty(), TYPE_AHEAD).path("items")) {
        String object = hit.path("object").asText();
        view.readable(object)
            .ifPresent(
                definition ->
                    hits.add(
                        new Hit(
                            object,
                            Labels.singular(definition),
                            hit.path("id").asText(),
                            hit.path("name").asText())));
      }
    } catch (io.relata.platform.rest.ProblemException refused) {
      // words the search cannot take are searched for on the results page, which says why
    }
    return hits;
  }

  private void searchFor(String text) {
    if (!text.isBlank()) {
      UI.getCurrent().navigate("search", QueryParameters.simple(Map.of("q", text.strip())));
    }
  }

  private void signOut() {
    SignedInUser.signOut();
    // a full page load: the old session, and the UI bound to it, are gone
    UI.getCurrent().getPage().setLocation("./");
  }
}
