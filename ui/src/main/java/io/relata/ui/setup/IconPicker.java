package io.relata.ui.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An app's icon, picked by seeing it: Vaadin's icons by name ({@code briefcase}), each drawn beside
 * its name, found by typing part of it. The app's drawer shows the same icon.
 */
final class IconPicker extends ComboBox<String> {

  private static final List<String> NAMES =
      Arrays.stream(VaadinIcon.values())
          .map(icon -> icon.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .sorted()
          .toList();

  IconPicker(String label, String id, ObjectNode app) {
    super(label);
    setId(id);
    setItems(NAMES);
    setClearButtonVisible(true);
    setRenderer(
        new ComponentRenderer<>(
            name -> {
              HorizontalLayout line = new HorizontalLayout(icon(name), new Span(name));
              line.setAlignItems(FlexComponent.Alignment.CENTER);
              return line;
            }));
    String now = app.path("icon").asText("");
    if (NAMES.contains(now)) {
      setValue(now);
    }
    setPrefixComponent(now.isEmpty() || !NAMES.contains(now) ? null : icon(now));
    addValueChangeListener(
        e -> {
          if (e.getValue() == null) {
            app.remove("icon");
            setPrefixComponent(null);
          } else {
            app.put("icon", e.getValue());
            setPrefixComponent(icon(e.getValue()));
          }
        });
  }

  private static Icon icon(String name) {
    Icon icon = new Icon("vaadin", name);
    icon.addClassName("relata-icon-choice");
    return icon;
  }
}
