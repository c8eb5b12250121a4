package io.relata.platform.query;

import java.util.ArrayList;
import java.util.List;

/** A fragment of SQL and the values bound to its {@code ?} placeholders, in order. */
public record Sql(String text, List<Object> binds) {

  public Sql {
    binds = java.util.Collections.unmodifiableList(new ArrayList<>(binds));
  }

  public static Sql of(String text, Object... binds) {
    return new Sql(text, java.util.Arrays.asList(binds));
  }

  /** Both fragments, joined by {@code separator}. */
  public Sql join(String separator, Sql other) {
    List<Object> all = new ArrayList<>(binds);
    all.addAll(other.binds);
    return new Sql(text + separator + other.text, all);
  }
}
