package io.relata.platform.record;

import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.problem.Problem;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters of lists, related lists and exports, read one way everywhere: a bad one is a
 * 400 that names the parameter.
 */
public final class QueryParameters {

  private QueryParameters() {}

  /** A list request from its query parameters (each may be absent). */
  public static RecordQuery of(
      String filter,
      String search,
      String sort,
      String fields,
      String limit,
      String cursor,
      String expand,
      String total) {
    return new RecordQuery(
        Optional.ofNullable(filter).map(QueryParameters::filter),
        Optional.ofNullable(search),
        Optional.ofNullable(sort),
        Optional.ofNullable(fields).map(QueryParameters::names),
        limit(limit),
        Optional.ofNullable(cursor),
        Optional.ofNullable(expand).map(QueryParameters::names).orElse(List.of()),
        total(total, cursor));
  }

  /** A filter in the text form; 400 at {@code filter} when it does not parse. */
  public static Expression filter(String text) {
    try {
      return ConditionParser.parse(text);
    } catch (ConditionException e) {
      Problem problem = e.problem("");
      throw invalid("filter", problem.code(), problem.args().toArray());
    }
  }

  /** {@code a,b} as names. */
  public static List<String> names(String list) {
    return Arrays.stream(list.split(",", -1)).map(String::strip).toList();
  }

  static int limit(String limit) {
    if (limit == null) {
      return RecordQuery.DEFAULT_LIMIT;
    }
    try {
      return Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw invalid("limit", "query.limit", RecordQuery.MAX_LIMIT);
    }
  }

  /** Counted unless asked not to; by default only on the first page. */
  private static boolean total(String total, String cursor) {
    if (total == null) {
      return cursor == null;
    }
    if (!total.equals("true") && !total.equals("false")) {
      throw invalid("total", "query.type", "true or false");
    }
    return Boolean.parseBoolean(total);
  }

  /** 400: one parameter (or body member) is wrong. */
  public static InvalidRequestException invalid(String pointer, String code, Object... args) {
    return new InvalidRequestException(List.of(new Violation(pointer, code, List.of(args))));
  }
}
