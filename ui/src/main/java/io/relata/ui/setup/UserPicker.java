package io.relata.ui.setup;

import com.vaadin.flow.component.combobox.ComboBox;
import io.relata.platform.directory.Users;
import java.util.Optional;
import java.util.UUID;

/** An active user, found by typing their name: the first twenty matches offered. */
final class UserPicker extends ComboBox<Users.Pickable> {

  private static final int FOUND = 20;

  /**
   * @param except a user not to offer (the one being edited, who is not their own manager)
   */
  UserPicker(Users users, String label, Optional<UUID> except) {
    super(label);
    setItemLabelGenerator(Users.Pickable::name);
    setItems(
        query -> {
          String typed = query.getFilter().orElse("");
          int offset = query.getOffset();
          int limit = query.getLimit();
          return users.pickable(typed, FOUND).stream()
              .filter(user -> except.map(id -> !id.equals(user.id())).orElse(true))
              .skip(offset)
              .limit(limit);
        });
  }
}
