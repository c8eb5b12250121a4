package io.relata.ui.setup;

import com.vaadin.flow.component.combobox.ComboBox;
import io.relata.platform.directory.Users;
import java.util.Optional;
import java.util.UUID;

/**
 * A user, found by typing their name: the first twenty matches offered. Active users only, except
 * where past work is looked up ({@link #withFrozen}): there a frozen user is offered too, marked.
 */
final class UserPicker extends ComboBox<Users.Pickable> {

  private static final int FOUND = 20;

  /**
   * @param except a user not to offer (the one being edited, who is not their own manager)
   */
  UserPicker(Users users, String label, Optional<UUID> except) {
    this(users, label, except, false);
  }

  private UserPicker(Users users, String label, Optional<UUID> except, boolean withFrozen) {
    super(label);
    setItemLabelGenerator(
        user ->
            user.active()
                ? user.name()
                : user.name() + " (" + getTranslation("setup.users.frozen") + ")");
    setItems(
        query -> {
          String typed = query.getFilter().orElse("");
          int offset = query.getOffset();
          int limit = query.getLimit();
          return users.pickable(typed, FOUND, withFrozen).stream()
              .filter(user -> except.map(id -> !id.equals(user.id())).orElse(true))
              .skip(offset)
              .limit(limit);
        });
  }

  /** Every user, a frozen one marked as such: for finding who did something. */
  static UserPicker withFrozen(Users users, String label) {
    return new UserPicker(users, label, Optional.empty(), true);
  }
}
