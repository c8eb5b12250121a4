package io.relata.metadata.presentation;

import java.util.List;
import java.util.Optional;

/** A shared dashboard: its widgets in order. */
public record Dashboard(
    String name, String label, Optional<String> description, List<Widget> widgets) {

  public Dashboard {
    widgets = List.copyOf(widgets);
  }
}
