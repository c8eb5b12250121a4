package io.relata.metadata.condition;

import io.relata.metadata.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition that cannot be read or typed. Its problem points into the document that holds the
 * condition: {@link #problem(String)} adds where the condition sits.
 */
public final class ConditionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final transient Expression.Where where;
  private final transient List<Object> args;

  public ConditionException(String code, Expression.Where where, Object... args) {
    super(code, null, false, false);
    this.code = code;
    this.where = where;
    this.args = List.of(args);
  }

  public String code() {
    return code;
  }

  public Expression.Where where() {
    return where;
  }

  /**
   * The problem, at {@code pointer} (where the condition sits in its document) plus the JSON
   * pointer inside a condition written as JSON. A condition written as text gives its character
   * (counted from 1) as the first argument.
   */
  public Problem problem(String pointer) {
    List<Object> all = new ArrayList<>();
    all.add(where.offset() >= 0 ? where.offset() + 1 : where.pointer());
    all.addAll(args);
    return Problem.at(pointer + where.pointer(), code, all.toArray());
  }
}
