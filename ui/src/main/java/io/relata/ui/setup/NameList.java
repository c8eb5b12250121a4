package io.relata.ui.setup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.DomListenerRegistration;
import io.relata.ui.screen.DropZone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An ordered list of names chosen from those a document offers (the fields of a layout's section, a
 * list view's columns, an app's objects), shown as chips: added from a choice of those not in it
 * yet, removed with their ×, and put in order by dragging — also from one list to another of its
 * {@link Board} (a field from one section of a layout into another). With the keyboard a chip is
 * moved with Alt+arrow and removed with Delete. A list may show its chips in columns, as the record
 * page will (a layout section's column count).
 */
final class NameList extends Div {

  /**
   * The lists of one form, so a chip dragged from one list can leave it when it is dropped on
   * another of the same group.
   */
  static final class Board {
    private final Map<String, NameList> lists = new java.util.HashMap<>();
  }

  /** The type a dragged chip's data is carried under; the group is part of it. */
  private static final String TYPE = "application/x-relata-name-";

  private final List<String> names;
  private final Supplier<Map<String, String>> choices;
  private final Consumer<List<String>> changed;
  private final Function<String, String> texts;
  private final Board board;
  private final String key;
  private final String type;
  private final Div chips = new Div();
  private final Span problem = new Span();
  private final ComboBox<String> add = new ComboBox<>();

  /**
   * @param id the list's element id; chips have {@code <id>-chip-<name>}, its choice {@code
   *     <id>-add}
   * @param group lists of one group trade chips by dragging
   * @param choices names allowed, with their labels, as the document has them now
   * @param changed told the list whenever it changes
   */
  NameList(
      String label,
      String id,
      String group,
      List<String> names,
      Supplier<Map<String, String>> choices,
      Consumer<List<String>> changed,
      Function<String, String> texts,
      Board board) {
    this.names = new ArrayList<>(names);
    this.choices = choices;
    this.changed = changed;
    this.texts = texts;
    this.board = board;
    this.key = id;
    board.lists.put(id, this);
    addClassName("relata-name-list");
    setId(id);
    Span title = new Span(label);
    title.addClassName("relata-name-list-title");
    chips.addClassName("relata-name-chips");
    add.setId(id + "-add");
    add.setPlaceholder(texts.apply("setup.names.add"));
    add.setAriaLabel(label + ": " + texts.apply("setup.names.add"));
    add.setClearButtonVisible(false);
    add.addClassName("relata-name-add");
    Choices.offer(
        add,
        () -> choices.get().keySet().stream().filter(n -> !this.names.contains(n)).toList(),
        this::labelOf);
    add.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null && !this.names.contains(e.getValue())) {
            this.names.add(e.getValue());
            changed();
            add.clear();
          }
        });
    problem.addClassName("relata-schema-problem");
    problem.setVisible(false);
    add(title, problem, chips, add);
    this.type = TYPE + Integer.toHexString(group.hashCode());
    droppable();
    draw();
  }

  /** Shows what is wrong with the list (a name the platform does not know), or clears it. */
  void show(String message) {
    problem.setText(message == null ? "" : message);
    problem.setVisible(message != null);
  }

  /** Shows the chips in {@code count} columns; one or none is a flowing row. */
  void columns(Integer count) {
    if (count == null || count < 2) {
      chips.getStyle().remove("--relata-name-columns");
      chips.removeClassName("relata-name-grid");
    } else {
      chips.getStyle().set("--relata-name-columns", String.valueOf(count));
      chips.addClassName("relata-name-grid");
    }
  }

  private String labelOf(String name) {
    String label = choices.get().get(name);
    return label == null || label.equals(name) ? name : label + " (" + name + ")";
  }

  private void changed() {
    changed.accept(List.copyOf(names));
    draw();
  }

  private void draw() {
    chips.removeAll();
    Map<String, String> known = choices.get();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int index = i;
      Div chip = new Div();
      chip.addClassName("relata-name-chip");
      if (!known.containsKey(name)) {
        chip.addClassName("relata-name-unknown"); // the platform will say why
      }
      chip.setId(key + "-chip-" + name);
      chip.getElement().setAttribute("data-name", name);
      chip.getElement().setAttribute("data-drop-at", name);
      chip.getElement().setAttribute("draggable", "true");
      chip.getElement().setAttribute("tabindex", "0");
      chip.getElement().setAttribute("role", "listitem");
      chip.getElement()
          .setAttribute("title", texts.apply("setup.names.chip-help"))
          .setAttribute("aria-label", labelOf(name) + ". " + texts.apply("setup.names.chip-help"));
      Span text = new Span(known.getOrDefault(name, name));
      Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
      remove.setAriaLabel(texts.apply("setup.form.remove") + " " + labelOf(name));
      remove.setId(key + "-chip-" + name + "-remove");
      remove.addClickListener(
          e -> {
            names.remove(name);
            changed();
          });
      chip.add(text, remove);
      DomListenerRegistration keys =
          chip.getElement()
              .addEventListener(
                  "keydown",
                  e -> {
                    String pressed = e.getEventData().getString("event.key");
                    if (pressed.equals("Delete") || pressed.equals("Backspace")) {
                      names.remove(name);
                      changed();
                      return;
                    }
                    int to = index + (pressed.equals("ArrowLeft") ? -1 : 1);
                    if (to >= 0 && to < names.size()) {
                      names.remove(index);
                      names.add(to, name);
                      changed();
                      focus(name);
                    }
                  });
      keys.addEventData("event.key");
      keys.preventDefault(); // Alt+Left is the browser's Back: the form would be lost
      keys.setFilter(
          "(event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight'))"
              + " || ((event.key === 'Delete' || event.key === 'Backspace')"
              + " && event.target === element)");
      chips.add(chip);
    }
    chips
        .getElement()
        .executeJs(
            "const type = $0, list = $1;"
                + "this.querySelectorAll('[data-name]').forEach(c => c.addEventListener("
                + "'dragstart', e => { e.dataTransfer.setData(type, JSON.stringify("
                + "{list: list, name: c.dataset.name})); e.dataTransfer.effectAllowed = 'move';"
                + " }));",
            type,
            key);
  }

  private void focus(String name) {
    chips
        .getElement()
        .executeJs(
            "const c = [...this.querySelectorAll('[data-name]')]"
                + ".find(c => c.dataset.name === $0); if (c) c.focus();",
            name);
  }

  /**
   * Takes a chip of its group dropped on the list: before the chip it is dropped on, or last; the
   * list it came from gives it up.
   */
  private void droppable() {
    DropZone.accept(getElement(), type, this::dropped);
  }

  private void dropped(String dragged, String before) {
    String from;
    String name;
    try {
      var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dragged);
      from = data.path("list").asText();
      name = data.path("name").asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException bad) {
      return;
    }
    NameList source = board.lists.get(from);
    if (source == null || !source.names.contains(name) || name.equals(before)) {
      return;
    }
    if (source != this) {
      if (names.contains(name)) {
        return; // in both would be twice on the page
      }
      source.names.remove(name);
      source.changed();
    } else {
      names.remove(name);
    }
    int at = before == null || before.isEmpty() ? -1 : names.indexOf(before);
    names.add(at < 0 ? names.size() : at, name);
    changed();
  }
}
