package io.relata.metadata.definition;

import java.util.Optional;

/** One value of a picklist; its position in the list is its order. */
public record PicklistValue(
    String name, String label, Optional<String> colour, boolean active, Translations labels) {

  /** A value with its label in no other language. */
  public PicklistValue(String name, String label, Optional<String> colour, boolean active) {
    this(name, label, colour, active, Translations.NONE);
  }
}
