package io.relata.metadata.presentation;

import io.relata.metadata.definition.Translations;
import java.util.List;
import java.util.Optional;

/**
 * A named set of objects for one kind of work: the drawer lists them in this order, and the app's
 * home shows its home dashboard.
 *
 * @param icon a Vaadin icon's name without its {@code vaadin:} prefix
 * @param home the dashboard its home shows
 * @param labels the label in other languages
 */
public record App(
    String name,
    String label,
    Optional<String> icon,
    List<String> objects,
    Optional<String> home,
    Translations labels) {

  public App {
    objects = List.copyOf(objects);
  }
}
