package io.relata.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.relata.platform.directory.Account;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user's own profile: the name others see, the language of the screens and the time
 * zone of the times they show. Saved at once, and the screens follow at the next page.
 */
class ProfileDialog extends Dialog {

  /** The languages of the screens, by their codes in profiles. */
  static final List<String> LANGUAGES = List.of("en", "sv", "da", "fi");

  ProfileDialog(Users users) {
    Actor actor = SignedInUser.current().orElseThrow();
    Account account = users.get(actor.id());
    setHeaderTitle(getTranslation("profile.title"));
    setId("profile-dialog");

    TextField name = new TextField(getTranslation("profile.display-name"));
    name.setId("profile-display-name");
    name.setValue(account.displayName() == null ? "" : account.displayName());
    name.setPlaceholder(account.username());
    name.setMaxLength(200);

    Select<String> language = new Select<>();
    language.setId("profile-language");
    language.setLabel(getTranslation("profile.language"));
    language.setItems(LANGUAGES);
    // each language is named in itself, so that a user lost in another one finds their own
    language.setItemLabelGenerator(code -> getTranslation("language." + code));
    language.setValue(account.locale());

    ComboBox<String> zone = new ComboBox<>(getTranslation("profile.time-zone"));
    zone.setId("profile-time-zone");
    zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
    zone.setValue(account.timeZone());
    zone.setAllowCustomValue(false);

    FormLayout form = new FormLayout(name, language, zone);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    add(form);

    Button save =
        new Button(
            getTranslation("profile.save"),
            e -> {
              try {
                Account changed =
                    users.changeOwn(
                        actor,
                        Optional.of(Optional.of(name.getValue().strip()).filter(n -> !n.isEmpty())),
                        Optional.ofNullable(language.getValue()),
                        Optional.ofNullable(zone.getValue()));
                UserSettings.of(changed).apply(VaadinSession.getCurrent());
                close();
                UI.getCurrent().getPage().reload();
              } catch (InvalidRequestException refused) {
                zone.setErrorMessage(getTranslation("profile.time-zone.invalid"));
                zone.setInvalid(true);
              }
            });
    save.setId("profile-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("dialog.cancel"), e -> close());
    getFooter().add(cancel, save);
  }
}
