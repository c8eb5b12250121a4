package io.relata.platform.access;

import io.relata.platform.query.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of an object a user reaches for one operation: every record, or those that at least
 * one grant reaches. Column names are unqualified: the condition is meant for the WHERE clause of a
 * query on the object's own table.
 */
public final class RecordPredicate {

  private static final RecordPredicate ALL = new RecordPredicate(true, List.of());

  /** Every record, for the reason {@code why} (a grant whose condition is {@code TRUE}). */
  public static RecordPredicate all(String why, List<String> args) {
    return new RecordPredicate(true, List.of(new Grant(why, args, Sql.of("TRUE"))));
  }

  private final boolean all;
  private final List<Grant> grants;

  private RecordPredicate(boolean all, List<Grant> grants) {
    this.all = all;
    this.grants = List.copyOf(grants);
  }

  /** Every record, whatever owns or shares it. */
  public static RecordPredicate all() {
    return ALL;
  }

  /** The records that one of {@code grants} reaches; none when there are no grants. */
  public static RecordPredicate anyOf(List<Grant> grants) {
    return new RecordPredicate(false, grants);
  }

  public boolean isAll() {
    return all;
  }

  /**
   * The grants: for some records, the ways to reach them; for every record, why (empty when no
   * reason was given).
   */
  public List<Grant> grants() {
    return grants;
  }

  /** The condition: {@code TRUE}, {@code FALSE}, or the grants' conditions joined by OR. */
  public Sql condition() {
    if (all) {
      return Sql.of("TRUE");
    }
    if (grants.isEmpty()) {
      return Sql.of("FALSE");
    }
    StringBuilder text = new StringBuilder("(");
    List<Object> binds = new ArrayList<>();
    for (int i = 0; i < grants.size(); i++) {
      text.append(i == 0 ? "" : " OR ").append(grants.get(i).condition().text());
      binds.addAll(grants.get(i).condition().binds());
    }
    return new Sql(text.append(')').toString(), binds);
  }
}
