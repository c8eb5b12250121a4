package io.relata.platform.query;

import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import io.relata.platform.schema.SearchVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a user types into a search box, as a PostgreSQL {@code tsquery}: every word must match, each
 * as a prefix ({@code mäki} finds Mäkinen), case and accents folded by the same function that
 * builds the search column. The words are bound as a {@code text[]}; the database folds each one
 * first and only then splits it into lexemes, each quoted into the query. Folding first matters:
 * {@code unaccent} turns look-alikes into operators ({@code ｜} into {@code |}, {@code （} into
 * {@code (}, {@code ¡} into {@code !}), which stripping operators before folding let through into
 * the query (a syntax error, or a NOT query). No input can change the query's structure.
 */
public final class SearchTerms {

  public static final int MAX_TERMS = 10;
  public static final int MAX_LENGTH = 200;

  /**
   * The tsquery of the bound words: each folded as the search column folds its text, split into the
   * lexemes of the same parser, each a quoted prefix (quotes doubled, backslashes escaped), all
   * required. Uncorrelated, so PostgreSQL computes it once per statement.
   */
  private static final String QUERY =
      "(SELECT to_tsquery('simple'::regconfig, coalesce(string_agg("
          + "'''' || replace(replace(l.lexeme, E'\\\\', E'\\\\\\\\'), '''', '''''') || ''':*',"
          + " ' & '), ''))"
          + " FROM unnest(CAST(? AS text[])) AS w(word),"
          + " unnest(to_tsvector('simple'::regconfig, relata.search_text(w.word))) AS l)";

  /** The condition on an object's search column; bind {@link Parsed#query()} to it. */
  public static final String CONDITION = "\"_search\" @@ " + QUERY;

  /** The rank of a row for the same query. */
  public static final String RANK = "ts_rank(\"_search\", " + QUERY + ")";

  /** The words to bind (a {@code List} binds as {@code text[]}), or the problems of the text. */
  public record Parsed(Optional<List<String>> query, List<Problem> problems) {}

  private SearchTerms() {}

  /**
   * The search condition for a user who sees {@code visible} of {@code object}: on the search
   * column when every searched field is visible, otherwise on a vector computed from the visible
   * ones, so that hidden text never makes a record match (slower: no index).
   */
  public static String condition(ObjectDefinition object, ObjectDefinition visible) {
    return vector(object, visible) + " @@ " + QUERY;
  }

  /** The rank for the same user, on the same vector as {@link #condition}. */
  public static String rank(ObjectDefinition object, ObjectDefinition visible) {
    return "ts_rank(" + vector(object, visible) + ", " + QUERY + ")";
  }

  private static String vector(ObjectDefinition object, ObjectDefinition visible) {
    Optional<String> all = SearchVector.expression(object);
    Optional<String> seen = SearchVector.expression(visible);
    return seen.isEmpty() || seen.equals(all) ? "\"_search\"" : "(" + seen.get() + ")";
  }

  /** The words of {@code text} (those with a letter or digit), or why there are none to search. */
  public static Parsed parse(String text, String parameter) {
    if (text.length() > MAX_LENGTH) {
      return refused(parameter, "search.too-long", MAX_LENGTH);
    }
    if (text.indexOf('\0') >= 0) {
      return refused(parameter, "search.nul");
    }
    List<String> terms = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
        terms.add(word);
      }
    }
    if (terms.isEmpty()) {
      return refused(parameter, "search.empty");
    }
    if (terms.size() > MAX_TERMS) {
      return refused(parameter, "search.too-many-terms", MAX_TERMS);
    }
    return new Parsed(Optional.of(List.copyOf(terms)), List.of());
  }

  private static Parsed refused(String parameter, String code, Object... args) {
    return new Parsed(Optional.empty(), List.of(Problem.at(parameter, code, args)));
  }
}
