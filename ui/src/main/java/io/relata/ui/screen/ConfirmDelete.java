package io.relata.ui.screen;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The one way a screen asks before deleting something of the user's own: the question, "Cancel",
 * and a red button saying what goes; {@code deleted} runs only when the user confirms.
 */
public final class ConfirmDelete {

  private ConfirmDelete() {}

  /**
   * Opens the dialog; its confirm button is {@code yesId}, the dialog itself {@code dialogId} (both
   * for tests and partners to address).
   */
  public static void open(
      String dialogId, String question, String yes, String yesId, Runnable deleted) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId(dialogId);
    confirm.setHeader(question);
    confirm.setCancelable(true);
    confirm.setCancelText(confirm.getTranslation("dialog.cancel"));
    Button button = new Button(yes);
    button.setId(yesId);
    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    confirm.setConfirmButton(button);
    confirm.addConfirmListener(e -> deleted.run());
    confirm.open();
  }
}
