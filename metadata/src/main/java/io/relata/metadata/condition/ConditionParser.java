package io.relata.metadata.condition;

import io.relata.metadata.condition.Expression.Where;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text form of the condition language by recursive descent:
 *
 * <pre>
 * condition = or [ "implies" condition ]
 * or        = and { "or" and }
 * and       = not { "and" not }
 * not       = "not" not | test
 * test      = sum [ ("=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "contains" | "starts with") sum
 *                 | ["not"] "in" "(" sum { "," sum } ")"
 *                 | "between" sum "and" sum
 *                 | "is" ["not"] "null" | "is" "changed" ]
 * sum       = product { ("+" | "-") product }
 * product   = unary { ("*" | "/") unary }
 * unary     = "-" unary | primary
 * primary   = number | "text" | 2026-12-31 | 2026-12-31T09:00:00Z | true | false | null | me
 *           | period | name "(" [ condition { "," condition } ] ")" | name | "(" condition ")"
 * </pre>
 *
 * Keywords are case-insensitive; text is double-quoted, with {@code \"} and {@code \\} as its only
 * escapes. A period is {@code today}, {@code this_quarter}, {@code last_n_days:30} and the like
 * ({@link RelativeDate}). Comparisons do not chain. Length, nesting, tests and listed values are
 * bounded, so that no input can exhaust the stack or build an unbounded query.
 */
public final class ConditionParser {

  public static final int MAX_LENGTH = 4_000;
  public static final int MAX_DEPTH = 32;
  public static final int MAX_TESTS = 100;
  public static final int MAX_VALUES = 1_000;

  private static final List<String> COMPARISONS = List.of("!=", "<=", ">=", "=", "<", ">");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "not",
          "implies",
          "in",
          "between",
          "is",
          "null",
          "changed",
          "contains",
          "starts",
          "with",
          "true",
          "false",
          "me");
  private static final Pattern DATE =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?"
              + "(Z|[+-][0-9]{2}:[0-9]{2}))?");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]{1,4})?");

  private final String source;
  private int at;
  private int depth;
  private int tests;

  private ConditionParser(String source) {
    this.source = source;
  }

  /** The expression {@code source} writes. */
  public static Expression parse(String source) throws ConditionException {
    if (source.length() > MAX_LENGTH) {
      throw new ConditionException("condition.too-long", Where.at(0), MAX_LENGTH);
    }
    ConditionParser parser = new ConditionParser(source);
    Expression expression = parser.condition();
    parser.space();
    if (parser.at < source.length()) {
      throw parser.unexpected();
    }
    return expression;
  }

  private Expression condition() throws ConditionException {
    enter();
    Expression left = or();
    int position = at;
    if (keyword("implies")) {
      left = new Expression.Binary("implies", left, condition(), Where.at(position));
    }
    depth--;
    return left;
  }

  private Expression or() throws ConditionException {
    Expression left = and();
    for (int position = here(); keyword("or"); position = here()) {
      left = new Expression.Binary("or", left, and(), Where.at(position));
    }
    return left;
  }

  private Expression and() throws ConditionException {
    Expression left = not();
    for (int position = here(); keyword("and"); position = here()) {
      left = new Expression.Binary("and", left, not(), Where.at(position));
    }
    return left;
  }

  private Expression not() throws ConditionException {
    int position = here();
    if (keyword("not")) {
      enter();
      Expression operand = not();
      depth--;
      return new Expression.Unary("not", operand, Where.at(position));
    }
    return test();
  }

  private Expression test() throws ConditionException {
    Expression left = sum();
    int position = here();
    Optional<Expression> test = testAfter(left, position);
    if (test.isEmpty()) {
      return left;
    }
    if (++tests > MAX_TESTS) {
      throw new ConditionException("condition.too-many-tests", Where.at(position), MAX_TESTS);
    }
    int next = here();
    if (comparison().isPresent() || peekKeyword("in") || peekKeyword("between")) {
      throw new ConditionException("condition.chained-comparison", Where.at(next));
    }
    return test.get();
  }

  private Optional<Expression> testAfter(Expression left, int position) throws ConditionException {
    Where where = Where.at(position);
    if (source.startsWith("==", position)) {
      throw new ConditionException("condition.double-equals", where);
    }
    Optional<String> op = comparison();
    if (op.isPresent()) {
      at += op.get().length();
      return Optional.of(new Expression.Binary(op.get(), left, sum(), where));
    }
    if (keyword("contains")) {
      return Optional.of(new Expression.Binary("contains", left, sum(), where));
    }
    if (keyword("starts")) {
      expectKeyword("with");
      return Optional.of(new Expression.Binary("starts with", left, sum(), where));
    }
    if (keyword("is")) {
      if (keyword("changed")) {
        return Optional.of(new Expression.IsChanged(left, where));
      }
      boolean negated = keyword("not");
      expectKeyword("null");
      return Optional.of(new Expression.IsNull(left, negated, where));
    }
    if (keyword("between")) {
      Expression low = sum();
      expectKeyword("and");
      return Optional.of(new Expression.Between(left, low, sum(), where));
    }
    int start = at;
    boolean negated = keyword("not");
    if (keyword("in")) {
      return Optional.of(new Expression.Among(left, list(), negated, where));
    }
    at = start;
    return Optional.empty();
  }

  private Optional<String> comparison() {
    space();
    return COMPARISONS.stream().filter(c -> source.startsWith(c, at)).findFirst();
  }

  private List<Expression> list() throws ConditionException {
    expect('(');
    List<Expression> values = new ArrayList<>(List.of(sum()));
    while (symbol(',')) {
      if (values.size() == MAX_VALUES) {
        throw new ConditionException("condition.too-many-values", Where.at(at), MAX_VALUES);
      }
      values.add(sum());
    }
    expect(')');
    return values;
  }

  private Expression sum() throws ConditionException {
    Expression left = product();
    while (true) {
      int position = here();
      if (symbol('+') || symbol('-')) {
        String op = source.substring(position, position + 1);
        left = new Expression.Binary(op, left, product(), Where.at(position));
      } else {
        return left;
      }
    }
  }

  private Expression product() throws ConditionException {
    Expression left = unary();
    while (true) {
      int position = here();
      if (symbol('*') || symbol('/')) {
        String op = source.substring(position, position + 1);
        left = new Expression.Binary(op, left, unary(), Where.at(position));
      } else {
        return left;
      }
    }
  }

  private Expression unary() throws ConditionException {
    int position = here();
    if (symbol('-')) {
      enter();
      Expression operand = unary();
      depth--;
      if (operand instanceof Expression.Literal literal
          && literal.value() instanceof BigDecimal number) {
        return new Expression.Literal(number.negate(), Where.at(position));
      }
      return new Expression.Unary("-", operand, Where.at(position));
    }
    return primary();
  }

  private Expression primary() throws ConditionException {
    int position = here();
    Where where = Where.at(position);
    if (at >= source.length()) {
      throw new ConditionException("condition.unexpected-end", where);
    }
    char c = source.charAt(at);
    if (symbol('(')) {
      Expression inner = condition();
      expect(')');
      return inner;
    }
    if (c == '"') {
      return new Expression.Literal(text(), where);
    }
    if (c == '\'') {
      throw new ConditionException("condition.single-quote", where);
    }
    if (c >= '0' && c <= '9') {
      return numberOrDate();
    }
    Optional<String> name = word();
    if (name.isEmpty()) {
      throw unexpected();
    }
    String word = name.get();
    String lower = word.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "true":
        return new Expression.Literal(Boolean.TRUE, where);
      case "false":
        return new Expression.Literal(Boolean.FALSE, where);
      case "null":
        return new Expression.Literal(null, where);
      case "me":
        return new Expression.Me(where);
      default:
        break;
    }
    if (symbol('(')) {
      return new Expression.Call(lower, arguments(), where);
    }
    Optional<RelativeDate> period = RelativeDate.of(lower);
    if (period.isPresent()) {
      return new Expression.Period(period.get(), where);
    }
    if (KEYWORDS.contains(lower) || word.indexOf(':') >= 0) {
      at = position;
      throw unexpected();
    }
    return new Expression.Field(word, where);
  }

  private List<Expression> arguments() throws ConditionException {
    List<Expression> arguments = new ArrayList<>();
    if (symbol(')')) {
      return arguments;
    }
    do {
      arguments.add(condition());
    } while (symbol(','));
    expect(')');
    return arguments;
  }

  /** A number, or a date or date-time written bare. */
  private Expression numberOrDate() throws ConditionException {
    int start = at;
    Where where = Where.at(start);
    Matcher date = DATE.matcher(source).region(start, source.length());
    if (date.lookingAt()) {
      at = date.end();
      String token = date.group();
      try {
        if (token.length() == 10) {
          LocalDate value = LocalDate.parse(token);
          if (value.getYear() >= 1) {
            return new Expression.Literal(value, where);
          }
        } else {
          OffsetDateTime value = OffsetDateTime.parse(token);
          if (value.getYear() >= 1 && value.getYear() <= 9999) {
            return new Expression.Literal(value, where);
          }
        }
      } catch (DateTimeParseException e) {
        // a malformed date: refused below
      }
      throw new ConditionException("condition.bad-date", where, token);
    }
    Matcher number = NUMBER.matcher(source).region(start, source.length());
    if (!number.lookingAt() || number.end() - start > 60) {
      throw new ConditionException("condition.bad-number", where);
    }
    at = number.end();
    return new Expression.Literal(new BigDecimal(number.group()), where);
  }

  private String text() throws ConditionException {
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
          throw new ConditionException("condition.escape", Where.at(at - 2));
        }
        c = escaped;
      }
      text.append(c);
    }
    throw new ConditionException("condition.unclosed-text", Where.at(start));
  }

  private Optional<String> word() {
    space();
    int start = at;
    while (at < source.length() && isWordChar(source.charAt(at), at == start)) {
      at++;
    }
    return at > start ? Optional.of(source.substring(start, at)) : Optional.empty();
  }

  /** Field names are ASCII; a period's count follows a colon ({@code last_n_days:30}). */
  private static boolean isWordChar(char c, boolean first) {
    boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return first ? letter : letter || (c >= '0' && c <= '9') || c == ':';
  }

  private boolean keyword(String keyword) {
    if (peekKeyword(keyword)) {
      at += keyword.length();
      return true;
    }
    return false;
  }

  private boolean peekKeyword(String keyword) {
    space();
    int end = at + keyword.length();
    return end <= source.length()
        && source.regionMatches(true, at, keyword, 0, keyword.length())
        && (end == source.length() || !isWordChar(source.charAt(end), false));
  }

  private void expectKeyword(String keyword) throws ConditionException {
    if (!keyword(keyword)) {
      throw unexpected();
    }
  }

  private boolean symbol(char symbol) {
    space();
    if (at < source.length() && source.charAt(at) == symbol) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char symbol) throws ConditionException {
    if (!symbol(symbol)) {
      throw new ConditionException("condition.expected", Where.at(at), String.valueOf(symbol));
    }
  }

  private void enter() throws ConditionException {
    if (++depth > MAX_DEPTH) {
      throw new ConditionException("condition.too-deep", Where.at(at), MAX_DEPTH);
    }
  }

  private int here() {
    space();
    return at;
  }

  private void space() {
    while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
      at++;
    }
  }

  private ConditionException unexpected() {
    space();
    if (at >= source.length()) {
      return new ConditionException("condition.unexpected-end", Where.at(at));
    }
    int end = Math.min(source.length(), at + 20);
    return new ConditionException("condition.unexpected", Where.at(at), source.substring(at, end));
  }
}
