package io.relata.metadata.presentation;

import io.relata.metadata.definition.Translations;
import java.util.List;
import java.util.Optional;

/**
 * A shared dashboard: its widgets in order.
 *
 * @param labels the label in other languages
 */
public record Dashboard(
    String name,
    String label,
    Optional<String> description,
    List<Widget> widgets,
    Translations labels) {

  public Dashboard {
    widgets = List.copyOf(widgets);
  }
}
