package io.relata.ui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.platform.message.Messages;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.session.SignedInUser;

/**
 * The user's own password: the one they have now, the new one twice. The platform decides; its
 * problems show at their fields.
 */
class PasswordDialog extends Dialog {

  PasswordDialog(Users users) {
    Actor actor = SignedInUser.current().orElseThrow();
    setHeaderTitle(getTranslation("password.title"));
    setId("password-dialog");
    PasswordField current = new PasswordField(getTranslation("password.current"));
    current.setId("password-current");
    PasswordField next = new PasswordField(getTranslation("password.new"));
    next.setId("password-new");
    next.setHelperText(getTranslation("password.new.help", Users.MIN_PASSWORD));
    PasswordField again = new PasswordField(getTranslation("password.repeat"));
    again.setId("password-repeat");
    FormLayout form = new FormLayout(current, next, again);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    add(form);

    Button save =
        new Button(
            getTranslation("password.save"),
            e -> {
              for (PasswordField field : new PasswordField[] {current, next, again}) {
                field.setInvalid(false);
              }
              if (!next.getValue().equals(again.getValue())) {
                again.setErrorMessage(getTranslation("password.mismatch"));
                again.setInvalid(true);
                return;
              }
              try {
                users.changeOwnPassword(
                    actor, current.getValue().toCharArray(), next.getValue().toCharArray());
              } catch (InvalidRequestException refused) {
                for (ProblemException.Violation v : refused.violations()) {
                  PasswordField at = v.pointer().equals("/current") ? current : next;
                  at.setErrorMessage(Messages.text(v.code(), getLocale(), v.args().toArray()));
                  at.setInvalid(true);
                }
                return;
              }
              close();
              Notification.show(getTranslation("password.changed"));
            });
    save.setId("password-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("dialog.cancel"), e -> close());
    getFooter().add(cancel, save);
  }
}
