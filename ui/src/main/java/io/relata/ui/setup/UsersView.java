package io.relata.ui.setup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.directory.Account;
import io.relata.platform.directory.Page;
import io.relata.platform.directory.Users;
import io.relata.ui.screen.Workspace;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The users of Relata, for holders of {@code manage-users}: who they are, their role and permission
 * sets, and whether they may sign in (frozen, locked after failed sign-ins). A user opens in {@link
 * UserView}; "New user" starts one.
 */
@Route(value = "setup/users", layout = MainLayout.class)
public class UsersView extends SetupPage {

  /** How many accounts a page of the directory holds while the list is read. */
  private static final int PAGE = 200;

  private final Users users;
  private final Clock clock;

  @Inject
  public UsersView(Workspace workspace, Users users, Clock clock) {
    super(workspace);
    this.users = users;
    this.clock = clock;
  }

  @Override
  boolean allowed(Workspace.View view) {
    return view.holds(SystemPermission.MANAGE_USERS);
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    removeAll();
    List<Account> accounts = all();
    Grid<Account> grid = new Grid<>();
    grid.setId("users-grid");
    grid.addClassName("relata-setup-grid");
    grid.addColumn(Account::username)
        .setHeader(getTranslation("setup.users.username"))
        .setSortable(true)
        .setAutoWidth(true);
    grid.addColumn(account -> Optional.ofNullable(account.displayName()).orElse(""))
        .setHeader(getTranslation("setup.users.name"))
        .setSortable(true)
        .setAutoWidth(true);
    grid.addColumn(account -> Optional.ofNullable(account.email()).orElse(""))
        .setHeader(getTranslation("setup.users.email"))
        .setAutoWidth(true);
    grid.addColumn(account -> Optional.ofNullable(account.role()).orElse("—"))
        .setHeader(getTranslation("setup.users.role"))
        .setAutoWidth(true);
    grid.addColumn(account -> String.join(", ", account.permissionSets()))
        .setHeader(getTranslation("setup.users.permission-sets"))
        .setFlexGrow(1);
    grid.addComponentColumn(this::status).setHeader(getTranslation("setup.users.status"));
    grid.setItems(accounts);
    grid.setAllRowsVisible(accounts.size() <= 50);
    grid.addItemClickListener(
        e ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            UserView.class,
                            new RouteParameters("id", e.getItem().id().toString()))));
    TextField search = new TextField();
    search.setId("users-search");
    search.setPlaceholder(getTranslation("setup.users.search"));
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(
        e -> {
          String typed = e.getValue().strip().toLowerCase(Locale.ROOT);
          grid.setItems(accounts.stream().filter(a -> matches(a, typed)).toList());
        });
    Button create =
        new Button(
            getTranslation("setup.users.new"),
            VaadinIcon.PLUS.create(),
            e ->
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                UserView.class, new RouteParameters("id", DocumentView.NEW))));
    create.setId("users-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout head =
        new HorizontalLayout(new H1(getTranslation("setup.users.title")), create);
    head.addClassName("relata-setup-head");
    head.setAlignItems(FlexComponent.Alignment.CENTER);
    head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
    head.setWidthFull();
    add(back(getTranslation("setup.title"), SetupView.class, RouteParameters.empty()), head);
    add(search, grid);
    return true;
  }

  private static boolean matches(Account account, String typed) {
    return typed.isEmpty()
        || account.username().toLowerCase(Locale.ROOT).contains(typed)
        || Optional.ofNullable(account.displayName())
            .map(n -> n.toLowerCase(Locale.ROOT).contains(typed))
            .orElse(false)
        || Optional.ofNullable(account.email())
            .map(n -> n.toLowerCase(Locale.ROOT).contains(typed))
            .orElse(false);
  }

  /** Active, frozen, or locked after failed sign-ins. */
  private Span status(Account account) {
    String state = !account.active() ? "frozen" : locked(account, clock) ? "locked" : "active";
    Span badge = new Span(getTranslation("setup.users." + state));
    badge.addClassNames("relata-status", "relata-status-" + state);
    return badge;
  }

  /** Whether failed sign-ins keep the account out now. */
  static boolean locked(Account account, Clock clock) {
    return account.lockedUntil() != null
        && account.lockedUntil().isAfter(OffsetDateTime.now(clock));
  }

  /** Every account, page by page: an organisation's users fit a screen's list. */
  private List<Account> all() {
    return Page.every(cursor -> users.list(cursor, PAGE));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.users.title");
  }
}
