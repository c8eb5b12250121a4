package io.relata.ui.setup;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A combo box offering names that change while the form is edited (the fields just added): read
 * afresh each time the list is opened, filtered by what is typed against the name and its label.
 * Setting new items on focus instead would clear what a fast typist has typed meanwhile.
 */
final class Choices {

  private Choices() {}

  static void offer(
      ComboBox<String> box, Supplier<List<String>> names, Function<String, String> label) {
    box.setItems(
        query -> {
          String typed = query.getFilter().orElse("").toLowerCase(Locale.ROOT);
          int offset = query.getOffset();
          int limit = query.getLimit();
          return names.get().stream()
              .filter(
                  name ->
                      name.toLowerCase(Locale.ROOT).contains(typed)
                          || label.apply(name).toLowerCase(Locale.ROOT).contains(typed))
              .skip(offset)
              .limit(limit);
        });
    box.setItemLabelGenerator(label::apply);
    box.getElement()
        .addEventListener(
            "opened-changed",
            e -> {
              if (e.getEventData().getBoolean("event.detail.value")) {
                box.getLazyDataView().refreshAll();
              }
            })
        .addEventData("event.detail.value");
  }
}
