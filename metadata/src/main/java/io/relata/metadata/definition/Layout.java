package io.relata.metadata.definition;

import java.util.List;

/** How a record page shows the object: sections of fields, then related lists. */
public record Layout(
    String name, String label, List<Section> sections, List<RelatedList> relatedLists) {

  public Layout {
    sections = List.copyOf(sections);
    relatedLists = List.copyOf(relatedLists);
  }

  /** A titled group of fields in one to four columns; its title translated by {@code labels}. */
  public record Section(String label, Translations labels, int columns, List<String> fields) {
    public Section {
      fields = List.copyOf(fields);
    }
  }

  /** The records of {@code object} whose field {@code relation} refers to this record. */
  public record RelatedList(String object, String relation, List<String> columns) {
    public RelatedList {
      columns = List.copyOf(columns);
    }
  }
}
