package io.relata.platform.schema;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;

/** What the planner needs to know of the data: how much a step would touch or lose. */
public interface TableStats {

  /** Rows in the object's table (deleted ones included: they are still rows). */
  long rows(String object);

  /** Rows where the column holds a value. */
  long values(String object, String column);

  /** Rows whose value occurs in another row too (nulls aside). */
  long duplicates(String object, String column);

  /** Rows whose value in a text column is longer than {@code length} characters. */
  long longerThan(String object, String column, int length);

  /** The names of the indexes the object's table has. */
  java.util.Set<String> indexes(String object);

  /** Rows whose reference in {@code column} names no row of {@code target} (a table, quoted). */
  long dangling(String object, String column, String target);

  /**
   * The definitions of {@code field} of {@code object} that changes deleted and that can still be
   * restored, by the revision that deleted each ({@code platform.setaside}).
   */
  java.util.Map<Long, FieldDefinition> fieldSetAside(String object, String field);

  /** The object as a change deleted it, while it can still be restored, by that revision. */
  java.util.Map<Long, ObjectDefinition> objectSetAside(String object);
}
