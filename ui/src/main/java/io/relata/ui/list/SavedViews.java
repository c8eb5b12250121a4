package io.relata.ui.list;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.relata.metadata.definition.ListView;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.view.PersonalView;
import io.relata.platform.view.PersonalViews;
import io.relata.ui.screen.Problems;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The user's own views of a list: saving what the list shows now (columns, filter, sort) under a
 * label of theirs, and deleting one. They sit beside the object's shared views in the list's view
 * chooser, named {@code ~name} in the address.
 */
final class SavedViews extends HorizontalLayout {

  /** How the address and the chooser tell a personal view from a shared one. */
  static final String PERSONAL = "~";

  /** What the list shows now, to be saved. */
  record Shown(
      Actor actor,
      ObjectDefinition object,
      List<String> columns,
      String filter,
      Optional<String> sort,
      Optional<ListView> chosen) {}

  private final PersonalViews personal;
  private final Supplier<Shown> shown;
  private final Consumer<Optional<ListView>> changed;
  private final Button delete = new Button();

  /**
   * @param changed told of the view to choose after a save (the saved one) or a delete (none)
   */
  SavedViews(PersonalViews personal, Supplier<Shown> shown, Consumer<Optional<ListView>> changed) {
    this.personal = personal;
    this.shown = shown;
    this.changed = changed;
    setSpacing(false);
    setAlignItems(Alignment.BASELINE);
    Button save = new Button(getTranslation("view.save"), VaadinIcon.BOOKMARK_O.create());
    save.setId("list-save-view");
    save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    save.addClickListener(e -> saveDialog());
    delete.setId("list-delete-view");
    delete.setIcon(VaadinIcon.TRASH.create());
    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    delete.setAriaLabel(getTranslation("view.delete"));
    delete.setTooltipText(getTranslation("view.delete"));
    delete.addClickListener(e -> deleteDialog());
    delete.setVisible(false);
    add(save, delete);
  }

  /** The chooser's views: all records, the object's shared views, then the user's own. */
  static List<Optional<ListView>> choices(ObjectDefinition object, List<PersonalView> mine) {
    List<Optional<ListView>> choices = new ArrayList<>();
    choices.add(Optional.empty());
    object.listViews().forEach(v -> choices.add(Optional.of(v)));
    mine.forEach(v -> choices.add(Optional.of(listView(v))));
    return choices;
  }

  static boolean personal(ListView view) {
    return view.name().startsWith(PERSONAL);
  }

  /** Offers to delete the view chosen when it is the user's own. */
  void chosen(Optional<ListView> view) {
    delete.setVisible(view.filter(SavedViews::personal).isPresent());
  }

  private static ListView listView(PersonalView view) {
    return new ListView(
        PERSONAL + view.name(),
        view.label(),
        io.relata.metadata.definition.Translations.NONE,
        view.columns(),
        view.filter(),
        view.sort(),
        false);
  }

  private void saveDialog() {
    Shown now = shown.get();
    Dialog dialog = new Dialog();
    dialog.setId("view-dialog");
    dialog.setHeaderTitle(getTranslation("view.save"));
    TextField label = new TextField(getTranslation("view.label"));
    label.setId("view-label");
    label.setWidthFull();
    label.setMaxLength(120);
    now.chosen().filter(SavedViews::personal).map(ListView::label).ifPresent(label::setValue);
    Span problems = new Span();
    problems.addClassName("relata-error");
    dialog.add(label, problems);
    Button save = new Button(getTranslation("view.save.confirm"));
    save.setId("view-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        e -> {
          if (label.getValue().isBlank()) {
            label.setInvalid(true);
            label.setErrorMessage(getTranslation("view.label.required"));
            return;
          }
          PersonalView view =
              new PersonalView(
                  now.object().name(),
                  name(label.getValue()),
                  label.getValue().strip(),
                  now.columns(),
                  Optional.of(now.filter()).filter(f -> !f.isBlank()),
                  now.sort().map(s -> List.of(s.split(","))).orElse(List.of()));
          try {
            personal.save(now.actor(), view);
          } catch (ProblemException refused) {
            problems.setText(Problems.text(refused, getLocale()));
            return;
          }
          dialog.close();
          Notification.show(getTranslation("view.saved", view.label()));
          changed.accept(Optional.of(listView(view)));
        });
    Button cancel = new Button(getTranslation("dialog.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, save);
    dialog.open();
    label.focus();
  }

  private void deleteDialog() {
    Shown now = shown.get();
    Optional<ListView> view = now.chosen().filter(SavedViews::personal);
    if (view.isEmpty()) {
      return;
    }
    io.relata.ui.screen.ConfirmDelete.open(
        "view-delete-confirm",
        getTranslation("view.delete.question", view.get().label()),
        getTranslation("view.delete"),
        "view-delete-yes",
        () -> {
          personal.delete(
              now.actor(), now.object().name(), view.get().name().substring(PERSONAL.length()));
          changed.accept(Optional.empty());
        });
  }

  /** A view's name from its label: {@code "Mina stora affärer"} is {@code mina_stora_affarer}. */
  static String name(String label) {
    String plain =
        Normalizer.normalize(label, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace('ø', 'o')
            .replace('æ', 'a')
            .replaceAll("[^a-z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
    if (plain.isEmpty() || !Character.isLetter(plain.charAt(0))) {
      plain = "view_" + plain;
    }
    return plain.length() > 63 ? plain.substring(0, 63) : plain;
  }
}
