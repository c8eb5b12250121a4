package io.relata.platform.schema;

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
}
