package io.relata.platform.access;

import io.relata.platform.query.Sql;
import java.util.List;

/**
 * One way a user reaches records: the rule ({@code reason}, for example {@code access.owner} or
 * {@code access.sharing-rule}, with its arguments) and the SQL condition it stands for. A record
 * predicate is the disjunction of its grants; the explain tool evaluates them one by one.
 */
public record Grant(String reason, List<String> args, Sql condition) {

  public Grant {
    args = List.copyOf(args);
  }
}
