package io.relata.metadata.filter;

import io.relata.metadata.validation.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the text form of a filter by recursive descent:
 *
 * <pre>
 * filter    = or
 * or        = and { "or" and }
 * and       = unary { "and" unary }
 * unary     = "not" unary | "(" or ")" | condition
 * condition = field ( ("=" | "!=" | "<" | "<=" | ">" | ">=" | "contains" | "starts with") value
 *                   | ["not"] "in" "(" value { "," value } ")"
 *                   | "is" ["not"] "null"
 *                   | "between" value "and" value )
 * value     = "quoted" | number | true | false | 2026-12-31 | relative date | me
 * </pre>
 *
 * Keywords are case-insensitive; strings are double-quoted with {@code \"} and {@code \\}. Length,
 * nesting and the number of conditions are bounded, so that no input can exhaust the stack or build
 * an unbounded query.
 */
public final class FilterParser {

  public static final int MAX_LENGTH = 4_000;
  public static final int MAX_DEPTH = 32;
  public static final int MAX_CONDITIONS = 100;
  public static final int MAX_VALUES = 1_000;

  private final String source;
  private int at;
  private int depth;
  private int conditions;

  private FilterParser(String source) {
    this.source = source;
  }

  public static Filter parse(String source) throws FilterException {
    if (source.length() > MAX_LENGTH) {
      throw error("filter.too-long", MAX_LENGTH);
    }
    FilterParser parser = new FilterParser(source);
    Filter filter = parser.or();
    parser.space();
    if (parser.at < source.length()) {
      throw parser.unexpected();
    }
    return filter;
  }

  private Filter or() throws FilterException {
    if (++depth > MAX_DEPTH) {
      throw error("filter.too-deep", MAX_DEPTH);
    }
    List<Filter> parts = new ArrayList<>(List.of(and()));
    while (keyword("or")) {
      parts.add(and());
    }
    depth--;
    return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
  }

  private Filter and() throws FilterException {
    List<Filter> parts = new ArrayList<>(List.of(unary()));
    while (keyword("and")) {
      parts.add(unary());
    }
    return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
  }

  private Filter unary() throws FilterException {
    if (keyword("not")) {
      if (++depth > MAX_DEPTH) {
        throw error("filter.too-deep", MAX_DEPTH);
      }
      Filter part = unary();
      depth--;
      return new Filter.Not(part);
    }
    if (symbol("(")) {
      Filter inner = or();
      expect(")");
      return inner;
    }
    return condition();
  }

  private Filter condition() throws FilterException {
    space();
    int start = at;
    String field = word().orElseThrow(this::unexpected);
    if (++conditions > MAX_CONDITIONS) {
      throw error("filter.too-many-conditions", MAX_CONDITIONS);
    }
    String where = "";
    for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
      if (symbol(op)) {
        return new Filter.Condition(field, Operator.of(op).orElseThrow(), List.of(value()), where);
      }
    }
    if (keyword("contains")) {
      return new Filter.Condition(field, Operator.CONTAINS, List.of(value()), where);
    }
    if (keyword("starts")) {
      expectKeyword("with");
      return new Filter.Condition(field, Operator.STARTS_WITH, List.of(value()), where);
    }
    if (keyword("is")) {
      boolean not = keyword("not");
      expectKeyword("null");
      return new Filter.Condition(
          field, not ? Operator.IS_NOT_NULL : Operator.IS_NULL, List.of(), where);
    }
    if (keyword("between")) {
      Literal low = value();
      expectKeyword("and");
      return new Filter.Condition(field, Operator.BETWEEN, List.of(low, value()), where);
    }
    boolean not = keyword("not");
    if (keyword("in")) {
      return new Filter.Condition(field, not ? Operator.NOT_IN : Operator.IN, list(), where);
    }
    at = start + field.length();
    throw unexpected();
  }

  private List<Literal> list() throws FilterException {
    expect("(");
    List<Literal> values = new ArrayList<>(List.of(value()));
    while (symbol(",")) {
      if (values.size() == MAX_VALUES) {
        throw error("filter.too-many-values", MAX_VALUES);
      }
      values.add(value());
    }
    expect(")");
    return values;
  }

  private Literal value() throws FilterException {
    space();
    if (at >= source.length()) {
      throw unexpected();
    }
    char c = source.charAt(at);
    if (c == '"') {
      return new Literal.Text(string());
    }
    if (Character.isDigit(c) || c == '-') {
      return numberOrDate();
    }
    int start = at;
    Optional<String> word = word();
    if (word.isPresent()) {
      String lower = word.get().toLowerCase(Locale.ROOT);
      switch (lower) {
        case "true":
          return new Literal.Bool(true);
        case "false":
          return new Literal.Bool(false);
        case "me":
          return new Literal.Me();
        default:
          break;
      }
      Optional<RelativeDate> relative = RelativeDate.of(lower);
      if (relative.isPresent()) {
        return new Literal.Relative(relative.get());
      }
      at = start;
    }
    throw unexpected();
  }

  private String string() throws FilterException {
    int start = at++;
    StringBuilder text = new StringBuilder();
    while (at < source.length()) {
      char c = source.charAt(at++);
      if (c == '"') {
        return text.toString();
      }
      if (c == '\\' && at < source.length()) {
        char escaped = source.charAt(at++);
        if (escaped != '"' && escaped != '\\') {
          throw new FilterException(Problem.at("", "filter.escape", at - 2));
        }
        c = escaped;
      }
      text.append(c);
    }
    throw new FilterException(Problem.at("", "filter.unterminated-string", start));
  }

  /** A number, or a date or date-time written bare, which stays text until its field types it. */
  private Literal numberOrDate() throws FilterException {
    int start = at;
    while (at < source.length() && "0123456789.:+-eETZ".indexOf(source.charAt(at)) >= 0) {
      at++;
    }
    String token = source.substring(start, at);
    if (Character.isDigit(token.charAt(0)) && token.indexOf('-') > 0 && !token.contains("e-")) {
      return new Literal.Text(token);
    }
    try {
      BigDecimal number = new BigDecimal(token);
      if (Math.abs((long) number.scale()) > 1_000 || number.precision() > 1_000) {
        throw new NumberFormatException(token);
      }
      return new Literal.Number(number);
    } catch (NumberFormatException e) {
      at = start;
      throw unexpected();
    }
  }

  private Optional<String> word() {
    space();
    int start = at;
    while (at < source.length() && isWordChar(source.charAt(at), at == start)) {
      at++;
    }
    return at > start ? Optional.of(source.substring(start, at)) : Optional.empty();
  }

  private static boolean isWordChar(char c, boolean first) {
    boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return first ? letter : letter || (c >= '0' && c <= '9') || c == ':';
  }

  private boolean keyword(String keyword) {
    space();
    int end = at + keyword.length();
    if (end <= source.length()
        && source.regionMatches(true, at, keyword, 0, keyword.length())
        && (end == source.length() || !isWordChar(source.charAt(end), false))) {
      at = end;
      return true;
    }
    return false;
  }

  private void expectKeyword(String keyword) throws FilterException {
    if (!keyword(keyword)) {
      throw unexpected();
    }
  }

  private boolean symbol(String symbol) {
    space();
    if (source.startsWith(symbol, at)) {
      at += symbol.length();
      return true;
    }
    return false;
  }

  private void expect(String symbol) throws FilterException {
    if (!symbol(symbol)) {
      throw unexpected();
    }
  }

  private void space() {
    while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
      at++;
    }
  }

  private FilterException unexpected() {
    space();
    if (at >= source.length()) {
      return new FilterException(Problem.at("", "filter.unexpected-end"));
    }
    int end = Math.min(source.length(), at + 20);
    return new FilterException(
        Problem.at("", "filter.unexpected", at + 1, source.substring(at, end)));
  }

  private static FilterException error(String code, Object... args) {
    return new FilterException(Problem.at("", code, args));
  }
}
