package io.relata.ui.setup;

import com.vaadin.flow.component.Component;
import java.util.function.Function;

/**
 * Who may see Setup, and its texts. Setup is for holders of {@code manage-metadata} or {@code
 * manage-users}; anyone else meets the one "not found" page the screens show for what a user may
 * not see. The platform decides again on every change: a screen only spares a refusal.
 */
final class SetupAccess {

  private SetupAccess() {}

  /** A key's text in the screen's language, or null when there is none (a plugin's kind). */
  static Function<String, String> texts(Component screen) {
    return key -> {
      String text = screen.getTranslation(key);
      // Vaadin answers a missing key with the key, marked ("!en: key")
      return text == null || (text.startsWith("!") && text.endsWith(key)) ? null : text;
    };
  }

  /** A kind's name as an admin reads it; its id when it has no text (a plugin's kind). */
  static String kind(Component screen, String id) {
    String text = texts(screen).apply("setup.kind." + id);
    return text != null ? text : SchemaForm.words(id);
  }
}
