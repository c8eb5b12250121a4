package io.relata.metadata.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the expression language by recursive descent. Precedence, loosest first: {@code implies}
 * (right-associative), {@code or}, {@code and}, {@code not}, comparison ({@code == != < <= > >=},
 * not chained), {@code + -}, {@code * /}, unary minus. Strings are single-quoted with {@code ''}
 * for a quote. Nesting is bounded, so that no input can exhaust the stack.
 */
public final class ExpressionParser {

  /** Deeper than any expression an admin writes; far below what would exhaust a stack. */
  static final int MAX_DEPTH = 64;

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "implies", "true", "false", "null");

  private final String source;
  private int at;
  private int depth;

  private ExpressionParser(String source) {
    this.source = source;
  }

  public static Expression parse(String source) throws ExpressionException {
    ExpressionParser parser = new ExpressionParser(source);
    Expression expression = parser.implies();
    parser.skipSpace();
    if (parser.at < source.length()) {
      throw new ExpressionException("expression.unexpected", parser.at, parser.rest());
    }
    return expression;
  }

  private Expression implies() throws ExpressionException {
    enter();
    Expression left = or();
    int position = at;
    if (keyword("implies")) {
      left = new Expression.Binary("implies", left, implies(), position);
    }
    depth--;
    return left;
  }

  private Expression or() throws ExpressionException {
    Expression left = and();
    for (int position = at; keyword("or"); position = at) {
      left = new Expression.Binary("or", left, and(), position);
    }
    return left;
  }

  private Expression and() throws ExpressionException {
    Expression left = not();
    for (int position = at; keyword("and"); position = at) {
      left = new Expression.Binary("and", left, not(), position);
    }
    return left;
  }

  private Expression not() throws ExpressionException {
    int position = at;
    if (keyword("not")) {
      enter();
      Expression operand = not();
      depth--;
      return new Expression.Unary("not", operand, position);
    }
    return comparison();
  }

  private Expression comparison() throws ExpressionException {
    Expression left = additive();
    skipSpace();
    int position = at;
    for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
      if (source.startsWith(op, at)) {
        at += op.length();
        Expression right = additive();
        skipSpace();
        if (COMPARISONS.stream().anyMatch(c -> source.startsWith(c, at))) {
          throw new ExpressionException("expression.chained-comparison", at);
        }
        return new Expression.Binary(op, left, right, position);
      }
    }
    return left;
  }

  private Expression additive() throws ExpressionException {
    Expression left = multiplicative();
    while (true) {
      skipSpace();
      int position = at;
      if (symbol('+') || symbol('-')) {
        left =
            new Expression.Binary(
                source.substring(position, position + 1), left, multiplicative(), position);
      } else {
        return left;
      }
    }
  }

  private Expression multiplicative() throws ExpressionException {
    Expression left = unary();
    while (true) {
      skipSpace();
      int position = at;
      if (symbol('*') || symbol('/')) {
        left =
            new Expression.Binary(
                source.substring(position, position + 1), left, unary(), position);
      } else {
        return left;
      }
    }
  }

  private Expression unary() throws ExpressionException {
    skipSpace();
    int position = at;
    if (symbol('-')) {
      enter();
      Expression operand = unary();
      depth--;
      return new Expression.Unary("-", operand, position);
    }
    return primary();
  }

  private Expression primary() throws ExpressionException {
    skipSpace();
    int position = at;
    if (at >= source.length()) {
      throw new ExpressionException("expression.incomplete", at);
    }
    char c = source.charAt(at);
    if (symbol('(')) {
      Expression inner = implies();
      expect(')');
      return inner;
    }
    if (c == '\'') {
      return new Expression.Literal(string(), position);
    }
    if (Character.isDigit(c)) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      String word = word();
      switch (word) {
        case "true":
          return new Expression.Literal(Boolean.TRUE, position);
        case "false":
          return new Expression.Literal(Boolean.FALSE, position);
        case "null":
          return new Expression.Literal(null, position);
        default:
          break;
      }
      if (KEYWORDS.contains(word)) {
        throw new ExpressionException("expression.unexpected", position, word);
      }
      skipSpace();
      if (symbol('(')) {
        return new Expression.Call(word, arguments(), position);
      }
      return new Expression.Field(word, position);
    }
    throw new ExpressionException("expression.unexpected", position, rest());
  }

  private List<Expression> arguments() throws ExpressionException {
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

  private Expression number() throws ExpressionException {
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
        throw new ExpressionException("expression.bad-number", start);
      }
    }
    if (at - start > 40) {
      throw new ExpressionException("expression.bad-number", start);
    }
    return Expression.number(source.substring(start, at), start);
  }

  private String string() throws ExpressionException {
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
    throw new ExpressionException("expression.unclosed-text", start);
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

  private void expect(char symbol) throws ExpressionException {
    if (!symbol(symbol)) {
      throw new ExpressionException("expression.expected", at, String.valueOf(symbol));
    }
  }

  private void enter() throws ExpressionException {
    if (++depth > MAX_DEPTH) {
      throw new ExpressionException("expression.too-deep", at, String.valueOf(MAX_DEPTH));
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
