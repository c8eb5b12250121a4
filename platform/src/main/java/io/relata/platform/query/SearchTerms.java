package io.relata.platform.query;

import io.relata.metadata.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a user types into a search box, as a PostgreSQL {@code tsquery}: every word must match, each
 * as a prefix ({@code mäki} finds Mäkinen), case and accents folded by the same function that
 * builds the search column. Characters with a meaning in {@code tsquery} are removed, so no input
 * can change the query's structure; the text is still bound as a value.
 */
public final class SearchTerms {

  public static final int MAX_TERMS = 10;
  public static final int MAX_LENGTH = 200;

  /** The condition on an object's search column; bind {@link Parsed#query()} to it. */
  public static final String CONDITION =
      "\"_search\" @@ to_tsquery('simple'::regconfig, relata.search_text(?))";

  /**
   * The search condition for a user who sees {@code visible} of {@code object}: on the search
   * column when every searched field is visible, otherwise on a vector computed from the visible
   * ones, so that hidden text never makes a record match (slower: no index).
   */
  public static String condition(
      io.relata.metadata.definition.ObjectDefinition object,
      io.relata.metadata.definition.ObjectDefinition visible) {
    return vector(object, visible) + CONDITION.substring("\"_search\"".length());
  }

  /** The rank for the same user, on the same vector as {@link #condition}. */
  public static String rank(
      io.relata.metadata.definition.ObjectDefinition object,
      io.relata.metadata.definition.ObjectDefinition visible) {
    return "ts_rank(" + vector(object, visible) + RANK.substring("ts_rank(\"_search\"".length());
  }

  private static String vector(
      io.relata.metadata.definition.ObjectDefinition object,
      io.relata.metadata.definition.ObjectDefinition visible) {
    java.util.Optional<String> all = io.relata.platform.schema.SearchVector.expression(object);
    java.util.Optional<String> seen = io.relata.platform.schema.SearchVector.expression(visible);
    return seen.isEmpty() || seen.equals(all) ? "\"_search\"" : "(" + seen.get() + ")";
  }

  /** The rank of a row for the same query. */
  public static final String RANK =
      "ts_rank(\"_search\", to_tsquery('simple'::regconfig, relata.search_text(?)))";

  public record Parsed(Optional<String> query, List<Problem> problems) {}

  private SearchTerms() {}

  public static Parsed parse(String text, String parameter) {
    if (text.length() > MAX_LENGTH) {
      return refused(parameter, "search.too-long", MAX_LENGTH);
    }
    if (text.indexOf('\0') >= 0) {
      return refused(parameter, "search.nul");
    }
    List<String> terms = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      String term = word.replaceAll("[&|!():*'\\\\<>\"]", "");
      if (!term.isEmpty()) {
        terms.add(term + ":*");
      }
    }
    if (terms.isEmpty()) {
      return refused(parameter, "search.empty");
    }
    if (terms.size() > MAX_TERMS) {
      return refused(parameter, "search.too-many-terms", MAX_TERMS);
    }
    return new Parsed(Optional.of(String.join(" & ", terms)), List.of());
  }

  private static Parsed refused(String parameter, String code, Object... args) {
    return new Parsed(Optional.empty(), List.of(Problem.at(parameter, code, args)));
  }
}
