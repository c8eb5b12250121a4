package io.relata.metadata.expression;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.FormulaResult;
import io.relata.metadata.definition.ObjectDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Types an expression against an object's fields: every field it names must exist, every operator
 * and function must get operands of the right types. Collects the fields it refers to, so that
 * formulas referring to each other in a cycle can be found.
 */
public final class ExpressionChecker {

  private static final Map<String, ValueType> SYSTEM_FIELDS =
      Map.of(
          "id", ValueType.TEXT,
          "owner_id", ValueType.TEXT,
          "created_at", ValueType.DATETIME,
          "created_by", ValueType.TEXT,
          "updated_at", ValueType.DATETIME,
          "updated_by", ValueType.TEXT,
          "version", ValueType.NUMBER,
          "stage", ValueType.TEXT);

  private final ObjectDefinition object;
  private final Set<String> references = new LinkedHashSet<>();

  private ExpressionChecker(ObjectDefinition object) {
    this.object = object;
  }

  /** The checked expression: its type and the fields it refers to. */
  public record Checked(ValueType type, Set<String> references) {}

  /** Parses and types {@code source} in the context of {@code object}. */
  public static Checked check(String source, ObjectDefinition object) throws ExpressionException {
    ExpressionChecker checker = new ExpressionChecker(object);
    ValueType type = checker.type(ExpressionParser.parse(source));
    return new Checked(type, Set.copyOf(checker.references));
  }

  /** The value type of a field of the given type. */
  public static ValueType of(FieldType type) {
    return switch (type.kind()) {
      case TEXT,
          LONG_TEXT,
          RICH_TEXT,
          EMAIL,
          PHONE,
          URL,
          PICKLIST,
          STAGE,
          AUTO_NUMBER,
          LOOKUP,
          MASTER_DETAIL,
          USER ->
          ValueType.TEXT;
      case NUMBER, CURRENCY, PERCENT, ROLL_UP -> ValueType.NUMBER;
      case BOOLEAN -> ValueType.BOOLEAN;
      case DATE -> ValueType.DATE;
      case DATETIME -> ValueType.DATETIME;
      case MULTI_PICKLIST, JSON -> ValueType.ANY;
      case FORMULA -> of(((FieldType.Formula) type).resultType());
    };
  }

  /** The value type a formula declares. */
  public static ValueType of(FormulaResult result) {
    return switch (result) {
      case TEXT -> ValueType.TEXT;
      case NUMBER, CURRENCY, PERCENT -> ValueType.NUMBER;
      case BOOLEAN -> ValueType.BOOLEAN;
      case DATE -> ValueType.DATE;
      case DATETIME -> ValueType.DATETIME;
    };
  }

  private ValueType type(Expression e) throws ExpressionException {
    if (e instanceof Expression.Literal literal) {
      Object v = literal.value();
      return v == null
          ? ValueType.NULL
          : v instanceof Boolean
              ? ValueType.BOOLEAN
              : v instanceof String ? ValueType.TEXT : ValueType.NUMBER;
    }
    if (e instanceof Expression.Field field) {
      return field(field);
    }
    if (e instanceof Expression.Unary unary) {
      ValueType expected = unary.operator().equals("not") ? ValueType.BOOLEAN : ValueType.NUMBER;
      require(unary.operand(), expected);
      return expected;
    }
    if (e instanceof Expression.Binary binary) {
      return binary(binary);
    }
    return call((Expression.Call) e);
  }

  private ValueType field(Expression.Field field) throws ExpressionException {
    Optional<FieldDefinition> definition = object.field(field.name());
    if (definition.isPresent()) {
      references.add(field.name());
      return of(definition.get().type());
    }
    ValueType system = SYSTEM_FIELDS.get(field.name());
    if (system == null) {
      throw new ExpressionException("expression.unknown-field", field.position(), field.name());
    }
    return system;
  }

  private ValueType binary(Expression.Binary b) throws ExpressionException {
    ValueType left = type(b.left());
    ValueType right = type(b.right());
    switch (b.operator()) {
      case "and", "or", "implies" -> {
        expect(b.left(), left, ValueType.BOOLEAN);
        expect(b.right(), right, ValueType.BOOLEAN);
        return ValueType.BOOLEAN;
      }
      case "==", "!=" -> {
        if (!temporal(left) || !temporal(right)) {
          same(b, left, right);
        }
        return ValueType.BOOLEAN;
      }
      case "<", "<=", ">", ">=" -> {
        if (!temporal(left) || !temporal(right)) {
          same(b, left, right);
        }
        if (left == ValueType.BOOLEAN || right == ValueType.BOOLEAN) {
          throw new ExpressionException(
              "expression.type-mismatch", b.position(), b.operator(), "boolean");
        }
        return ValueType.BOOLEAN;
      }
      case "+" -> {
        if (left == ValueType.TEXT || right == ValueType.TEXT) {
          same(b, left, right);
          return ValueType.TEXT;
        }
        return dateArithmetic(b, left, right);
      }
      case "-" -> {
        if (left == ValueType.DATE && right == ValueType.DATE) {
          return ValueType.NUMBER; // days between
        }
        return dateArithmetic(b, left, right);
      }
      default -> {
        expect(b.left(), left, ValueType.NUMBER);
        expect(b.right(), right, ValueType.NUMBER);
        return ValueType.NUMBER;
      }
    }
  }

  /** Numbers add; a date plus or minus a number of days is a date. */
  private ValueType dateArithmetic(Expression.Binary b, ValueType left, ValueType right)
      throws ExpressionException {
    if (left == ValueType.DATE) {
      expect(b.right(), right, ValueType.NUMBER);
      return ValueType.DATE;
    }
    expect(b.left(), left, ValueType.NUMBER);
    expect(b.right(), right, ValueType.NUMBER);
    return ValueType.NUMBER;
  }

  private ValueType call(Expression.Call call) throws ExpressionException {
    List<Expression> args = call.arguments();
    switch (call.function()) {
      case "today" -> {
        arity(call, 0);
        return ValueType.DATE;
      }
      case "now" -> {
        arity(call, 0);
        return ValueType.DATETIME;
      }
      case "len" -> {
        arity(call, 1);
        require(args.get(0), ValueType.TEXT);
        return ValueType.NUMBER;
      }
      case "lower", "upper", "trim" -> {
        arity(call, 1);
        require(args.get(0), ValueType.TEXT);
        return ValueType.TEXT;
      }
      case "contains", "starts_with" -> {
        arity(call, 2);
        require(args.get(0), ValueType.TEXT);
        require(args.get(1), ValueType.TEXT);
        return ValueType.BOOLEAN;
      }
      case "is_blank" -> {
        arity(call, 1);
        type(args.get(0));
        return ValueType.BOOLEAN;
      }
      case "abs" -> {
        arity(call, 1);
        require(args.get(0), ValueType.NUMBER);
        return ValueType.NUMBER;
      }
      case "round" -> {
        arity(call, 2);
        require(args.get(0), ValueType.NUMBER);
        require(args.get(1), ValueType.NUMBER);
        return ValueType.NUMBER;
      }
      case "year", "month", "day" -> {
        arity(call, 1);
        ValueType t = type(args.get(0));
        if (!(t.fits(ValueType.DATE) || t == ValueType.DATETIME)) {
          throw new ExpressionException(
              "expression.type-mismatch",
              args.get(0).position(),
              call.function(),
              t.name().toLowerCase());
        }
        return ValueType.NUMBER;
      }
      case "if" -> {
        arity(call, 3);
        require(args.get(0), ValueType.BOOLEAN);
        ValueType then = type(args.get(1));
        ValueType otherwise = type(args.get(2));
        if (!then.fits(otherwise)) {
          throw new ExpressionException(
              "expression.type-mismatch",
              args.get(2).position(),
              then.name().toLowerCase(),
              otherwise.name().toLowerCase());
        }
        return then == ValueType.NULL ? otherwise : then;
      }
      case "coalesce" -> {
        if (args.size() < 2) {
          throw new ExpressionException("expression.arity", call.position(), call.function(), "2+");
        }
        ValueType result = ValueType.NULL;
        for (Expression arg : args) {
          ValueType t = type(arg);
          if (!t.fits(result)) {
            throw new ExpressionException(
                "expression.type-mismatch",
                arg.position(),
                result.name().toLowerCase(),
                t.name().toLowerCase());
          }
          result = result == ValueType.NULL ? t : result;
        }
        return result;
      }
      default ->
          throw new ExpressionException(
              "expression.unknown-function", call.position(), call.function());
    }
  }

  private void arity(Expression.Call call, int count) throws ExpressionException {
    if (call.arguments().size() != count) {
      throw new ExpressionException(
          "expression.arity", call.position(), call.function(), String.valueOf(count));
    }
  }

  private void require(Expression e, ValueType expected) throws ExpressionException {
    expect(e, type(e), expected);
  }

  private static void expect(Expression e, ValueType actual, ValueType expected)
      throws ExpressionException {
    if (!actual.fits(expected)) {
      throw new ExpressionException(
          "expression.type-mismatch",
          e.position(),
          expected.name().toLowerCase(),
          actual.name().toLowerCase());
    }
  }

  /** Dates and date-times compare with each other: a date counts as its first instant (UTC). */
  private static boolean temporal(ValueType type) {
    return type == ValueType.DATE || type == ValueType.DATETIME;
  }

  private static void same(Expression.Binary b, ValueType left, ValueType right)
      throws ExpressionException {
    if (!left.fits(right)) {
      throw new ExpressionException(
          "expression.type-mismatch",
          b.position(),
          left.name().toLowerCase(),
          right.name().toLowerCase());
    }
  }
}
