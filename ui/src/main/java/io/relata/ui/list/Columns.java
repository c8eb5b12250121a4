package io.relata.ui.list;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.Layout;
import io.relata.metadata.definition.ListView;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.platform.access.ObjectAccess;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which fields a list shows, in order, of those the user may see: a view's columns; without a view,
 * the record's name and the first fields of its layout, then its owner. Long texts, JSON and links
 * to any record are left out of the default (they read badly in a cell).
 */
final class Columns {

  static final int DEFAULT_COUNT = 7;

  private static final Set<FieldKind> NOT_BY_DEFAULT =
      Set.of(FieldKind.LONG_TEXT, FieldKind.RICH_TEXT, FieldKind.JSON, FieldKind.ABOUT);

  private Columns() {}

  /** The fields a user may choose as columns: every field they may see, the platform's too. */
  static List<FieldDefinition> choosable(ObjectDefinition object, ObjectAccess access) {
    List<FieldDefinition> all = new ArrayList<>(object.fields());
    for (FieldDefinition system : SystemFields.of(object)) {
      boolean shown = !system.name().equals("id") && !system.name().equals("deleted_at");
      if (shown && object.field(system.name()).isEmpty()) {
        all.add(system);
      }
    }
    return all.stream().filter(f -> access.visible(f.name())).toList();
  }

  /**
   * The columns: {@code chosen} when the user picked them (the address's {@code columns}), else the
   * view's, else the default.
   */
  static List<FieldDefinition> of(
      ObjectDefinition object,
      ObjectAccess access,
      Optional<ListView> view,
      Optional<List<String>> chosen) {
    List<String> names = new ArrayList<>();
    if (chosen.isPresent()) {
      names.addAll(chosen.get());
    } else if (view.isPresent()) {
      names.addAll(view.get().columns());
    } else {
      Set<String> picked = new LinkedHashSet<>();
      picked.add(object.nameField());
      List<String> candidates = new ArrayList<>();
      object.layouts().stream()
          .findFirst()
          .ifPresentOrElse(
              layout ->
                  layout.sections().stream()
                      .map(Layout.Section::fields)
                      .forEach(candidates::addAll),
              () -> object.fields().forEach(f -> candidates.add(f.name())));
      if (object.pipeline().isPresent()) {
        candidates.add(Math.min(1, candidates.size()), "stage");
      }
      for (String name : candidates) {
        if (picked.size() >= DEFAULT_COUNT - 1) {
          break;
        }
        SystemFields.field(object, name)
            .filter(f -> !NOT_BY_DEFAULT.contains(f.type().kind()))
            .ifPresent(f -> picked.add(f.name()));
      }
      picked.add("owner_id");
      names.addAll(picked);
    }
    List<FieldDefinition> columns = new ArrayList<>();
    for (String name : names) {
      SystemFields.field(object, name)
          .filter(f -> access.visible(f.name()))
          .filter(f -> columns.stream().noneMatch(c -> c.name().equals(f.name())))
          .ifPresent(columns::add);
    }
    return columns;
  }
}
