package io.relata.metadata.condition;

import io.relata.metadata.condition.Expression.Where;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads formulas and validation rules written before the one condition language (equality as {@code
 * ==}, text in single quotes, {@code contains(a, b)} and {@code starts_with(a, b)} as functions),
 * so that stored documents can be rewritten in today's syntax by {@link ConditionPrinter}. Nothing
 * else reads it. The old grammar, by recursive descent. Precedence, loosest first: {@code implies}
 * (right-associative), {@code or}, {@code and}, {@code not}, comparison ({@code == != < <= > >=},
 * not chained), {@code + -}, {@code * /}, unary minus. Strings are single-quoted with {@code ''}
 * for a quote. Nesting is bounded, so that no input can exhaust the stack.
 */
final class LegacySyntax {

  /** Deeper than any expression an admin writes; far below what would exhaust a stack. */
  static final int MAX_DEPTH = 64;

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "implies", "true", "false", "null");

  private final String source;
  private int at;
  private int depth;

  private LegacySyntax(String source) {
    this.source = source;
  }

  static Expression parse(String source) throws ConditionException {
    LegacySyntax parser = new LegacySyntax(source);
    Expression expression = parser.implies();
    parser.skipSpace();
    if (parser.at < source.length()) {
      throw new ConditionException("condition.unexpected", Where.at(parser.at), parser.rest());
    }
    return expression;
  }

  private Expression implies() throws ConditionException {
    enter();
    Expression left = or();
    int position = at;
    if (keyword("implies")) {
      left = new Expression.Binary("implies", left, implies(), Where.at(position));
    }
    depth--;
    return left;
  }

  private Expression or() throws ConditionException {
    Expression left = and();
    for (int position = at; keyword("or"); position = at) {
      left = new Expression.Binary("or", left, and(), Where.at(position));
    }
    return left;
  }

  private Expression and() throws ConditionException {
    Expression left = not();
    for (int position = at; keyword("and"); position = at) {
      left = new Expression.Binary("and", left, not(), Where.at(position));
    }
    return left;
  }

  private Expression not() throws ConditionException {
    int position = at;
    if (keyword("not")) {
      enter();
      Expression operand = not();
      depth--;
      return new Expression.Unary("not", operand, Where.at(position));
    }
    return comparison();
  }

  private Expression comparison() throws ConditionException {
    Expression left = additive();
    skipSpace();
    int position = at;
    for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
      if (source.startsWith(op, at)) {
        at += op.length();
        Expression right = additive();
        skipSpace();
        if (COMPARISONS.stream().anyMatch(c -> source.startsWith(c, at))) {
          throw new ConditionException("condition.chained-comparison", Where.at(at));
        }
        return new Expression.Binary(op.equals("==") ? "=" : op, left, right, Where.at(position));
      }
    }
    return left;
  }

  private Expression additive() throws ConditionException {
    Expression left = multiplicative();
    while (true) {
      skipSpace();
      int position = at;
      if (symbol('+') || symbol('-')) {
        left =
            new Expression.Binary(
                source.substring(position, position + 1),
                left,
                multiplicative(),
                Where.at(position));
      } else {
        return left;
      }
    }
  }

  private Expression multiplicative() throws ConditionException {
    Expression left = unary();
    while (true) {
      skipSpace();
      int position = at;
      if (symbol('*') || symbol('/')) {
        left =
            new Expression.Binary(
                source.substring(position, position + 1), left, unary(), Where.at(position));
      } else {
        return left;
      }
    }
  }

  private Expression unary() throws ConditionException {
    skipSpace();
    int position = at;
    if (symbol('-')) {
      enter();
      Expression operand = unary();
      depth--;
      return new Expression.Unary("-", operand, Where.at(position));
    }
    return primary();
  }

  private Expression primary() throws ConditionException {
    skipSpace();
    int position = at;
    if (at >= source.length()) {
      throw new ConditionException("condition.incomplete", Where.at(at));
    }
    char c = source.charAt(at);
    if (symbol('(')) {
      Expression inner = implies();
      expect(')');
      return inner;
    }
    if (c == '\'') {
      return new Expression.Literal(string(), Where.at(position));
    }
    if (Character.isDigit(c)) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      String word = word();
      switch (word) {
        case "true":
          return new Expression.Literal(Boolean.TRUE, Where.at(position));
        case "false":
          return new Expression.Literal(Boolean.FALSE, Where.at(position));
        case "null":
          return new Expression.Literal(null, Where.at(position));
        default:
          break;
      }
      if (KEYWORDS.contains(word)) {
        throw new ConditionException("condition.unexpected", Where.at(position), word);
      }
      skipSpace();
      if (symbol('(')) {
        List<Expression> arguments = arguments();
        if ((word.equals("contains") || word.equals("starts_with")) && arguments.size() == 2) {
          String op = word.equals("contains") ? "contains" : "starts with";
          return new Expression.Binary(op, arguments.get(0), arguments.get(1), Where.at(position));
        }
        return new Expression.Call(word, arguments, Where.at(position));
      }
      return new Expression.Field(word, Where.at(position));
    }
    throw new ConditionException("condition.unexpected", Where.at(position), rest());
  }

  private List<Expression> arguments() throws ConditionException {
    List<Expression> arguments = new ArrayList<>();
    skipSpace();
    if (symbol(')')) {
      return arguments;
    }
    do {
      arguments.add(implies());
      skipSpace();
    } while (symbol(','));
    expect(')');
    return arguments;
  }

  private Expression number() throws ConditionException {
    int start = at;
    while (at < source.length() && Character.isDigit(source.charAt(at))) {
      at++;
    }
    if (at < source.length() && source.charAt(at) == '.') {
      at++;
      int decimals = at;
      while (at < source.length() && Character.isDigit(source.charAt(at))) {
        at++;
      }
      if (at == decimals) {
        throw new ConditionException("condition.bad-number", Where.at(start));
      }
    }
    if (at - start > 40) {
      throw new ConditionException("condition.bad-number", Where.at(start));
    }
    return new Expression.Literal(new BigDecimal(source.substring(start, at)), Where.at(start));
  }

  private String string() throws ConditionException {
    int start = at;
    StringBuilder text = new StringBuilder();
    at++;
    while (at < source.length()) {
      char c = source.charAt(at++);
      if (c == '\'') {
        if (at < source.length() && source.charAt(at) == '\'') {
          text.append('\'');
          at++;
        } else {
          return text.toString();
        }
      } else {
        text.append(c);
      }
    }
    throw new ConditionException("condition.unclosed-text", Where.at(start));
  }

  private String word() {
    int start = at;
    while (at < source.length()
        && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '_')) {
      at++;
    }
    return source.substring(start, at);
  }

  private boolean keyword(String keyword) {
    skipSpace();
    int end = at + keyword.length();
    boolean matches =
        source.startsWith(keyword, at)
            && (end == source.length()
                || !(Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_'));
    if (matches) {
      at = end;
    }
    return matches;
  }

  private boolean symbol(char symbol) {
    skipSpace();
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
      throw new ConditionException("condition.too-deep", Where.at(at), String.valueOf(MAX_DEPTH));
    }
  }

  private void skipSpace() {
    while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
      at++;
    }
  }

  private String rest() {
    return source.substring(at, Math.min(source.length(), at + 20));
  }
}
