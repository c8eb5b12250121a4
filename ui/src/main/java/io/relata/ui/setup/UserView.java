package io.relata.ui.setup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.relata.metadata.access.PermissionSet;
import io.relata.metadata.access.Role;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.directory.Account;
import io.relata.platform.directory.UserBodies;
import io.relata.platform.directory.Users;
import io.relata.platform.message.Messages;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One user, or a new one: who they are (name, email, manager, language, time zone), their role and
 * permission sets, and what an admin does for them — freeze and unfreeze, lift a lock after failed
 * sign-ins, set a new password, revoke their API tokens. What the form holds is read as the API's
 * body is ({@link UserBodies}), so the same problems come back, shown at their fields.
 */
@Route(value = "setup/users/:id", layout = MainLayout.class)
public class UserView extends SetupPage {

  private static final List<String> LANGUAGES = List.of("en", "sv", "da", "fi");

  private final Users users;
  private final MetadataService metadata;
  private final Clock clock;
  private final Map<String, Component> fields = new LinkedHashMap<>();
  private Optional<Account> account = Optional.empty();

  @Inject
  public UserView(Workspace workspace, Users users, MetadataService metadata, Clock clock) {
    super(workspace);
    this.users = users;
    this.metadata = metadata;
    this.clock = clock;
    addClassName("relata-setup-user");
  }

  @Override
  boolean allowed(Workspace.View view) {
    return view.holds(SystemPermission.MANAGE_USERS);
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    String id = event.getRouteParameters().get("id").orElse("");
    if (id.equals(DocumentView.NEW)) {
      account = Optional.empty();
    } else {
      try {
        account = Optional.of(users.get(UUID.fromString(id)));
      } catch (IllegalArgumentException | ProblemException none) {
        return false;
      }
    }
    render();
    return true;
  }

  private void render() {
    removeAll();
    fields.clear();
    Optional<Account> shown = account;
    TextField username = new TextField(getTranslation("setup.users.username"));
    username.setId("user-username");
    username.setReadOnly(shown.isPresent());
    shown.ifPresent(a -> username.setValue(a.username()));
    fields.put("username", username);
    PasswordField password = new PasswordField(getTranslation("setup.users.password"));
    password.setId("user-password");
    password.setHelperText(getTranslation("setup.users.password-help"));
    fields.put("password", password);
    TextField name = new TextField(getTranslation("setup.users.name"));
    name.setId("user-displayName");
    shown.map(Account::displayName).ifPresent(name::setValue);
    fields.put("displayName", name);
    TextField email = new TextField(getTranslation("setup.users.email"));
    email.setId("user-email");
    shown.map(Account::email).ifPresent(email::setValue);
    fields.put("email", email);
    Select<String> locale = new Select<>();
    locale.setLabel(getTranslation("setup.users.locale"));
    locale.setId("user-locale");
    locale.setItems(LANGUAGES);
    locale.setItemLabelGenerator(code -> getTranslation("setup.language." + code));
    locale.setValue(shown.map(Account::locale).filter(LANGUAGES::contains).orElse("en"));
    fields.put("locale", locale);
    ComboBox<String> zone = new ComboBox<>(getTranslation("setup.users.time-zone"));
    zone.setId("user-timeZone");
    zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
    zone.setValue(shown.map(Account::timeZone).orElse("UTC"));
    fields.put("timeZone", zone);
    UserPicker manager =
        new UserPicker(users, getTranslation("setup.users.manager"), shown.map(Account::id));
    manager.setId("user-manager");
    shown
        .map(Account::manager)
        .ifPresent(
            id ->
                manager.setValue(
                    new Users.Pickable(id, users.names(List.of(id)).getOrDefault(id, "?"), true)));
    manager.setClearButtonVisible(true);
    fields.put("manager", manager);
    Select<String> role = new Select<>();
    role.setLabel(getTranslation("setup.users.role"));
    role.setId("user-role");
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put("", "—");
    metadata.current().access().roles().stream()
        .sorted(Comparator.comparing(Role::label))
        .forEach(r -> roles.put(r.name(), r.label()));
    role.setItems(roles.keySet());
    role.setItemLabelGenerator(roles::get);
    role.setValue(shown.map(Account::role).orElse(""));
    fields.put("role", role);
    MultiSelectComboBox<String> sets =
        new MultiSelectComboBox<>(getTranslation("setup.users.permission-sets"));
    sets.setId("user-permissionSets");
    Map<String, String> known = new LinkedHashMap<>();
    metadata.current().access().permissionSets().stream()
        .sorted(Comparator.comparing(PermissionSet::label))
        .forEach(p -> known.put(p.name(), p.label()));
    sets.setItems(known.keySet());
    sets.setItemLabelGenerator(n -> known.getOrDefault(n, n));
    shown.ifPresent(a -> sets.setValue(new LinkedHashSet<>(a.permissionSets())));
    fields.put("permissionSets", sets);

    FormLayout form = new FormLayout();
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    form.add(username);
    if (shown.isEmpty()) {
      form.add(password);
    }
    form.add(name, email, locale, zone, manager, role, sets);
    form.setColspan(sets, 2);

    Button save = new Button(getTranslation("setup.save"), e -> save());
    save.setId("user-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout actions = new HorizontalLayout(save);
    actions.addClassName("relata-setup-actions");
    shown.ifPresent(a -> actions.add(adminActions(a).toArray(Component[]::new)));
    String title =
        shown
            .map(a -> Optional.ofNullable(a.displayName()).orElse(a.username()))
            .orElse(getTranslation("setup.users.new"));
    add(
        back(getTranslation("setup.users.title"), UsersView.class, RouteParameters.empty()),
        new H1(title));
    shown
        .filter(a -> !a.active() || UsersView.locked(a, clock))
        .ifPresent(
            a ->
                add(
                    new Paragraph(
                        getTranslation(
                            a.active() ? "setup.users.locked-note" : "setup.users.frozen-note"))));
    add(form, actions);
  }

  /** Freeze or unfreeze, unlock, a new password, revoke tokens. */
  private List<Component> adminActions(Account shown) {
    List<Component> buttons = new ArrayList<>();
    Button freeze =
        new Button(
            getTranslation(shown.active() ? "setup.users.freeze" : "setup.users.unfreeze"),
            e -> change(JsonNodeFactory.instance.objectNode().put("active", !shown.active())));
    freeze.setId("user-freeze");
    buttons.add(freeze);
    if (UsersView.locked(shown, clock)) {
      Button unlock =
          new Button(
              getTranslation("setup.users.unlock"),
              e -> act(() -> users.unlock(actor(), shown.id()), "setup.users.unlocked"));
      unlock.setId("user-unlock");
      buttons.add(unlock);
    }
    Button reset = new Button(getTranslation("setup.users.reset"), e -> resetPassword());
    reset.setId("user-reset");
    buttons.add(reset);
    Button revoke =
        new Button(
            getTranslation("setup.users.revoke"),
            e -> {
              try {
                int revoked = users.revokeTokens(actor(), shown.id());
                done(getTranslation("setup.users.revoked", revoked));
              } catch (ProblemException refused) {
                Problems.notify(List.of(Problems.text(refused, getLocale())));
              }
            });
    revoke.setId("user-revoke");
    revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    buttons.add(revoke);
    return buttons;
  }

  private void resetPassword() {
    Dialog dialog = new Dialog();
    dialog.setId("user-reset-dialog");
    dialog.setHeaderTitle(getTranslation("setup.users.reset"));
    PasswordField password = new PasswordField(getTranslation("setup.users.new-password"));
    password.setId("user-new-password");
    password.setHelperText(getTranslation("setup.users.password-help"));
    password.setWidthFull();
    Button set =
        new Button(
            getTranslation("setup.users.set-password"),
            e -> {
              ObjectNode body = JsonNodeFactory.instance.objectNode();
              body.put("password", password.getValue());
              try {
                users.change(actor(), account.orElseThrow().id(), UserBodies.change(body));
                dialog.close();
                done(getTranslation("setup.users.password-set"));
              } catch (ProblemException refused) {
                password.setErrorMessage(message(refused));
                password.setInvalid(true);
              }
            });
    set.setId("user-set-password");
    set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(password);
    dialog.getFooter().add(new Button(getTranslation("record.cancel"), e -> dialog.close()), set);
    dialog.open();
  }

  /** The form's values as the API's body: empty texts are no value. */
  private ObjectNode body() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    boolean creating = account.isEmpty();
    if (creating) {
      text(body, "username");
      text(body, "password");
    }
    for (String member : List.of("displayName", "email")) {
      String value = value(member);
      if (!value.isBlank()) {
        body.put(member, value.strip());
      } else if (!creating) {
        body.putNull(member);
      }
    }
    body.put("locale", value("locale"));
    body.put("timeZone", value("timeZone"));
    UserPicker manager = (UserPicker) fields.get("manager");
    if (manager.getValue() != null) {
      body.put("manager", manager.getValue().id().toString());
    } else if (!creating) {
      body.putNull("manager");
    }
    String role = value("role");
    if (!role.isEmpty()) {
      body.put("role", role);
    } else if (!creating) {
      body.putNull("role");
    }
    @SuppressWarnings("unchecked")
    MultiSelectComboBox<String> sets = (MultiSelectComboBox<String>) fields.get("permissionSets");
    Set<String> chosen = sets.getValue();
    sets.getListDataView()
        .getItems()
        .filter(chosen::contains)
        .forEach(body.putArray("permissionSets")::add);
    return body;
  }

  private void text(ObjectNode body, String member) {
    body.put(member, value(member));
  }

  private String value(String member) {
    Object value = ((com.vaadin.flow.component.HasValue<?, ?>) fields.get(member)).getValue();
    return value == null ? "" : value.toString();
  }

  private void save() {
    fields.values().forEach(f -> ((HasValidation) f).setInvalid(false));
    ObjectNode body = body();
    try {
      if (account.isEmpty()) {
        Account created = users.create(actor(), UserBodies.newUser(body));
        done(getTranslation("setup.users.created", created.username()));
        getUI()
            .ifPresent(
                ui ->
                    ui.navigate(
                        UserView.class, new RouteParameters("id", created.id().toString())));
      } else {
        account = Optional.of(users.change(actor(), account.get().id(), UserBodies.change(body)));
        done(getTranslation("setup.users.saved"));
        render();
      }
    } catch (ProblemException refused) {
      refused(fields, refused);
    }
  }

  private void change(ObjectNode body) {
    act(
        () -> users.change(actor(), account.orElseThrow().id(), UserBodies.change(body)),
        "setup.users.saved");
  }

  private void act(java.util.function.Supplier<Account> action, String done) {
    try {
      account = Optional.of(action.get());
      done(getTranslation(done));
      render();
    } catch (ProblemException refused) {
      Problems.notify(List.of(Problems.text(refused, getLocale())));
    }
  }

  private String message(ProblemException refused) {
    return refused.violations().isEmpty()
        ? Messages.text(refused.code(), getLocale(), refused.args())
        : Messages.text(
            refused.violations().get(0).code(),
            getLocale(),
            refused.violations().get(0).args().toArray());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.users.title");
  }
}
