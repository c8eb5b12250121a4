package io.relata.metadata.condition;

import io.relata.metadata.condition.Expression.Where;
import io.relata.metadata.condition.Typed.Comparison;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.type.FieldTypes;
import io.relata.metadata.type.QueryTest;
import io.relata.metadata.type.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Types a condition against an object, for a {@link Scope}: every field must exist (and, for SQL,
 * have a column), every operator and function must get operands of its types, and every literal
 * becomes a value of the type it is compared with (a picklist's value, an id, a date). What passes
 * is a {@link Typed} tree that both back ends can run.
 */
public final class ConditionChecker {

  private static final int MAX_TEXT = 1_000;
  private static final int MAX_DIGITS = 1_000;
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final ObjectDefinition object;
  private final Scope scope;
  private final Set<String> references = new LinkedHashSet<>();

  private ConditionChecker(ObjectDefinition object, Scope scope) {
    this.object = object;
    this.scope = scope;
  }

  /** A typed condition and the fields it refers to. */
  public record Checked(Typed typed, Set<String> references) {
    public ValueType type() {
      return typed.type();
    }
  }

  /** Types {@code expression} against {@code object}'s fields, custom and system. */
  public static Checked check(Expression expression, ObjectDefinition object, Scope scope)
      throws ConditionException {
    ConditionChecker checker = new ConditionChecker(object, scope);
    Typed typed = checker.type(expression);
    return new Checked(typed, Set.copyOf(checker.references));
  }

  /** Parses and types {@code source}. */
  public static Checked check(String source, ObjectDefinition object, Scope scope)
      throws ConditionException {
    return check(ConditionParser.parse(source), object, scope);
  }

  /** Parses and types a condition that must be true, false or unknown. */
  public static Checked condition(Expression expression, ObjectDefinition object, Scope scope)
      throws ConditionException {
    Checked checked = check(expression, object, scope);
    if (!checked.type().fits(ValueType.BOOLEAN)) {
      throw new ConditionException(
          "condition.result-type", expression.where(), "boolean", checked.type().label());
    }
    return checked;
  }

  /** The value type of a field of the given type. */
  public static ValueType of(FieldType type) {
    return FieldTypes.of(type).valueType(type);
  }

  private Typed type(Expression e) throws ConditionException {
    if (e instanceof Expression.Literal literal) {
      if (literal.value() instanceof BigDecimal number) {
        number(number, literal.where());
      }
      return literal(literal);
    }
    if (e instanceof Expression.Field field) {
      FieldDefinition definition = field(field);
      return new Typed.Column(definition, of(definition.type()));
    }
    if (e instanceof Expression.Me) {
      return currentUser(e.where());
    }
    if (e instanceof Expression.Period) {
      throw new ConditionException("condition.period-alone", e.where());
    }
    if (e instanceof Expression.Unary unary) {
      if (unary.operator().equals("not")) {
        return new Typed.Not(require(unary.operand(), ValueType.BOOLEAN));
      }
      return new Typed.Negate(require(unary.operand(), ValueType.NUMBER));
    }
    if (e instanceof Expression.Binary binary) {
      return binary(binary);
    }
    if (e instanceof Expression.Among among) {
      return among(among);
    }
    if (e instanceof Expression.Between between) {
      return new Typed.Logic(
          true,
          List.of(
              compare(Comparison.GE, between.operand(), between.low(), between.where()),
              compare(Comparison.LE, between.operand(), between.high(), between.where())));
    }
    if (e instanceof Expression.IsNull isNull) {
      Typed operand = type(isNull.operand());
      queryTest(operand, QueryTest.EMPTY, isNull.where());
      return new Typed.IsNull(operand, isNull.negated());
    }
    if (e instanceof Expression.IsChanged changed) {
      return new Typed.Changed(writeTimeField(changed.operand(), "is changed", changed.where()));
    }
    return call((Expression.Call) e);
  }

  /** {@code me}; a formula's value must not depend on who reads it. */
  private Typed currentUser(Where where) throws ConditionException {
    if (scope == Scope.RECORD) {
      throw new ConditionException("condition.me-in-formula", where);
    }
    return new Typed.CurrentUser();
  }

  private FieldDefinition field(Expression.Field field) throws ConditionException {
    Optional<FieldDefinition> found = SystemFields.field(object, field.name());
    if (found.isEmpty() || found.get().name().equals("deleted_at")) {
      throw new ConditionException("condition.unknown-field", field.where(), field.name());
    }
    FieldDefinition definition = found.get();
    if (scope == Scope.QUERY && FieldTypes.of(definition.type()).queryTests().isEmpty()) {
      throw new ConditionException("condition.not-filterable", field.where(), field.name());
    }
    references.add(definition.name());
    return definition;
  }

  private static Typed literal(Expression.Literal literal) {
    Object value = literal.value();
    if (value == null) {
      return new Typed.Constant(null, ValueType.NULL);
    }
    if (value instanceof String) {
      return new Typed.Constant(value, ValueType.TEXT);
    }
    if (value instanceof BigDecimal) {
      return new Typed.Constant(value, ValueType.NUMBER);
    }
    if (value instanceof Boolean) {
      return new Typed.Constant(value, ValueType.BOOLEAN);
    }
    if (value instanceof LocalDate) {
      return new Typed.Constant(value, ValueType.DATE);
    }
    return new Typed.Constant(value, ValueType.DATETIME);
  }

  private Typed binary(Expression.Binary b) throws ConditionException {
    String op = b.operator();
    switch (op) {
      case "and", "or" -> {
        Typed left = require(b.left(), ValueType.BOOLEAN);
        Typed right = require(b.right(), ValueType.BOOLEAN);
        boolean and = op.equals("and");
        List<Typed> parts = new ArrayList<>();
        for (Typed part : List.of(left, right)) {
          if (part instanceof Typed.Logic logic && logic.and() == and) {
            parts.addAll(logic.parts());
          } else {
            parts.add(part);
          }
        }
        return new Typed.Logic(and, parts);
      }
      case "implies" -> {
        Typed left = require(b.left(), ValueType.BOOLEAN);
        Typed right = require(b.right(), ValueType.BOOLEAN);
        return new Typed.Logic(false, List.of(new Typed.Not(left), right));
      }
      case "contains", "starts with" -> {
        return match(b);
      }
      case "+", "-", "*", "/" -> {
        return arithmetic(b);
      }
      default -> {
        Comparison comparison = Comparison.of(op).orElseThrow();
        return compare(comparison, b.left(), b.right(), b.where());
      }
    }
  }

  private Typed compare(Comparison op, Expression left, Expression right, Where where)
      throws ConditionException {
    if (left instanceof Expression.Period && !(right instanceof Expression.Period)) {
      return compare(flip(op), right, left, where);
    }
    if (right instanceof Expression.Period period) {
      Typed operand = type(left);
      if (!operand.type().temporal()) {
        throw new ConditionException(
            "condition.value-type", right.where(), describe(left), operand.type().label());
      }
      queryTest(operand, op.ordering() ? QueryTest.ORDERS : QueryTest.EQUALS, where);
      return new Typed.Within(operand, op, new Typed.Span.Relative(period.period()));
    }
    if (isNullLiteral(left) || isNullLiteral(right)) {
      Expression other = isNullLiteral(left) ? right : left;
      if (op != Comparison.EQ && op != Comparison.NE) {
        throw new ConditionException("condition.null-order", where, op.spelling());
      }
      Typed operand = type(other);
      queryTest(operand, QueryTest.EMPTY, where);
      return new Typed.IsNull(operand, op == Comparison.NE);
    }
    Typed l;
    Typed r;
    if (literal(right) && !literal(left)) {
      l = comparable(type(left), op, where);
      r = coerce(right, l);
    } else if (literal(left) && !literal(right)) {
      r = comparable(type(right), op, where);
      l = coerce(left, r);
    } else {
      l = type(left);
      r = type(right);
    }
    ValueType lt = l.type();
    ValueType rt = r.type();
    if (lt == ValueType.DATETIME && r instanceof Typed.Constant day && rt == ValueType.DATE) {
      queryTest(l, op.ordering() ? QueryTest.ORDERS : QueryTest.EQUALS, where);
      return new Typed.Within(l, op, new Typed.Span.Day((LocalDate) day.value()));
    }
    if (rt == ValueType.DATETIME && l instanceof Typed.Constant day && lt == ValueType.DATE) {
      queryTest(r, op.ordering() ? QueryTest.ORDERS : QueryTest.EQUALS, where);
      return new Typed.Within(r, flip(op), new Typed.Span.Day((LocalDate) day.value()));
    }
    if (!(lt.temporal() && rt.temporal()) && !lt.fits(rt)) {
      throw new ConditionException("condition.type-mismatch", where, lt.label(), rt.label());
    }
    ValueType type = lt == ValueType.NULL ? rt : lt;
    boolean ordering = op.ordering();
    if (type == ValueType.LIST || type == ValueType.ANY) {
      throw new ConditionException("condition.operator", where, op.spelling(), type.label());
    }
    if (ordering && (type == ValueType.BOOLEAN || type == ValueType.ID)) {
      throw new ConditionException("condition.operator", where, op.spelling(), type.label());
    }
    queryTest(l, ordering ? QueryTest.ORDERS : QueryTest.EQUALS, where);
    queryTest(r, ordering ? QueryTest.ORDERS : QueryTest.EQUALS, where);
    return new Typed.Compare(op, l, r);
  }

  /** Multi-picklists and JSON take no comparison: {@code contains}, {@code in}, {@code is null}. */
  private static Typed comparable(Typed operand, Comparison op, Where where)
      throws ConditionException {
    if (operand.type() == ValueType.LIST || operand.type() == ValueType.ANY) {
      throw new ConditionException(
          "condition.operator", where, op.spelling(), operand.type().label());
    }
    return operand;
  }

  private static Comparison flip(Comparison op) {
    return switch (op) {
      case LT -> Comparison.GT;
      case LE -> Comparison.GE;
      case GT -> Comparison.LT;
      case GE -> Comparison.LE;
      default -> op;
    };
  }

  private Typed among(Expression.Among among) throws ConditionException {
    Typed operand = type(among.operand());
    if (operand.type() == ValueType.ANY
        || (scope == Scope.QUERY && operand.type() == ValueType.DATETIME)) {
      throw new ConditionException(
          "condition.operator",
          among.where(),
          among.negated() ? "not in" : "in",
          describe(among.operand()));
    }
    List<Object> values = new ArrayList<>();
    for (Expression value : among.values()) {
      if (!(value instanceof Expression.Literal) && !(value instanceof Expression.Me)) {
        throw new ConditionException("condition.list-literal", value.where());
      }
      if (isNullLiteral(value)) {
        throw new ConditionException("condition.null-in-list", value.where());
      }
      if (operand.type() == ValueType.LIST) {
        values.add(choice(value, operand));
        continue;
      }
      Typed typed = coerce(value, operand);
      if (!(typed instanceof Typed.Constant constant) || typed.type() != operand.type()) {
        throw new ConditionException(
            "condition.value-type",
            value.where(),
            describe(among.operand()),
            operand.type().label());
      }
      values.add(constant.value());
    }
    if (operand.type() == ValueType.LIST) {
      queryTest(operand, QueryTest.HOLDS, among.where());
      return new Typed.Holds(
          operand, values.stream().map(String.class::cast).toList(), among.negated());
    }
    queryTest(operand, QueryTest.EQUALS, among.where());
    return new Typed.Among(operand, values, among.negated());
  }

  private Typed match(Expression.Binary b) throws ConditionException {
    boolean prefix = b.operator().equals("starts with");
    Typed operand = type(b.left());
    if (operand.type() == ValueType.LIST && !prefix) {
      queryTest(operand, QueryTest.HOLDS, b.where());
      return new Typed.Holds(operand, List.of(choice(b.right(), operand)), false);
    }
    if (!operand.type().fits(ValueType.TEXT)) {
      throw new ConditionException(
          "condition.operator", b.where(), b.operator(), operand.type().label());
    }
    queryTest(operand, QueryTest.MATCHES, b.where());
    Typed pattern;
    if (b.right() instanceof Expression.Literal literal && literal.value() instanceof String text) {
      pattern = new Typed.Constant(text(text, literal.where()), ValueType.TEXT);
    } else {
      pattern = require(b.right(), ValueType.TEXT);
    }
    return new Typed.Match(operand, pattern, prefix);
  }

  private Typed arithmetic(Expression.Binary b) throws ConditionException {
    char op = b.operator().charAt(0);
    Typed left = type(b.left());
    Typed right = type(b.right());
    if (unknown(left) && unknown(right)) {
      left = new Typed.Constant(null, ValueType.NUMBER);
      right = left;
    } else if (unknown(left)) {
      left = new Typed.Constant(null, right.type());
    } else if (unknown(right)) {
      boolean days = left.type() == ValueType.DATE && op != '-';
      right = new Typed.Constant(null, days ? ValueType.NUMBER : left.type());
    }
    ValueType l = left.type();
    ValueType r = right.type();
    if (op == '+' && (l == ValueType.TEXT || r == ValueType.TEXT)) {
      expect(b.left(), l, ValueType.TEXT);
      expect(b.right(), r, ValueType.TEXT);
      return new Typed.Arithmetic(op, left, right, ValueType.TEXT);
    }
    if ((op == '+' || op == '-') && l == ValueType.DATE) {
      if (op == '-' && r == ValueType.DATE) {
        return new Typed.Arithmetic(op, left, right, ValueType.NUMBER);
      }
      expect(b.right(), r, ValueType.NUMBER);
      return new Typed.Arithmetic(op, left, right, ValueType.DATE);
    }
    expect(b.left(), l, ValueType.NUMBER);
    expect(b.right(), r, ValueType.NUMBER);
    return new Typed.Arithmetic(op, left, right, ValueType.NUMBER);
  }

  private static boolean unknown(Typed typed) {
    return typed instanceof Typed.Constant c && c.type() == ValueType.NULL;
  }

  private Typed call(Expression.Call call) throws ConditionException {
    List<Expression> args = call.arguments();
    String name = call.function();
    switch (name) {
      case "today", "now" -> {
        arity(call, 0);
        return new Typed.Moment(name.equals("today") ? ValueType.DATE : ValueType.DATETIME);
      }
      case "prior" -> {
        arity(call, 1);
        FieldDefinition field = writeTimeField(args.get(0), "prior", call.where());
        return new Typed.Prior(field, of(field.type()));
      }
      default -> {
        // the built-ins below
      }
    }
    Typed.Function function;
    try {
      function = Typed.Function.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConditionException("condition.unknown-function", call.where(), name);
    }
    List<Typed> typed = new ArrayList<>();
    switch (function) {
      case LEN, LOWER, UPPER, TRIM -> {
        arity(call, 1);
        typed.add(require(args.get(0), ValueType.TEXT));
        return new Typed.Call(
            function, typed, function == Typed.Function.LEN ? ValueType.NUMBER : ValueType.TEXT);
      }
      case ABS -> {
        arity(call, 1);
        typed.add(require(args.get(0), ValueType.NUMBER));
        return new Typed.Call(function, typed, ValueType.NUMBER);
      }
      case ROUND -> {
        arity(call, 2);
        typed.add(require(args.get(0), ValueType.NUMBER));
        Expression places = args.get(1);
        if (!(places instanceof Expression.Literal literal
            && literal.value() instanceof BigDecimal number
            && number.stripTrailingZeros().scale() <= 0
            && number.compareTo(BigDecimal.valueOf(-20)) >= 0
            && number.compareTo(BigDecimal.valueOf(20)) <= 0)) {
          throw new ConditionException("condition.round-places", places.where());
        }
        typed.add(new Typed.Constant(number(literal.value()), ValueType.NUMBER));
        return new Typed.Call(function, typed, ValueType.NUMBER);
      }
      case YEAR, MONTH, DAY -> {
        arity(call, 1);
        Typed arg = type(args.get(0));
        if (!arg.type().temporal() && arg.type() != ValueType.NULL) {
          throw new ConditionException(
              "condition.type-mismatch", args.get(0).where(), "date", arg.type().label());
        }
        typed.add(arg);
        return new Typed.Call(function, typed, ValueType.NUMBER);
      }
      case IS_BLANK -> {
        arity(call, 1);
        typed.add(type(args.get(0)));
        return new Typed.Call(function, typed, ValueType.BOOLEAN);
      }
      case IF -> {
        arity(call, 3);
        typed.add(require(args.get(0), ValueType.BOOLEAN));
        return choose(function, call, typed, args.subList(1, 3));
      }
      case COALESCE -> {
        if (args.size() < 2) {
          throw new ConditionException("condition.arity", call.where(), name, "2+");
        }
        return choose(function, call, typed, args);
      }
      default -> throw new IllegalStateException(function.name());
    }
  }

  /** {@code if} and {@code coalesce}: every branch of one type, which is the result's. */
  private Typed choose(
      Typed.Function function, Expression.Call call, List<Typed> typed, List<Expression> branches)
      throws ConditionException {
    ValueType result = ValueType.NULL;
    List<Typed> values = new ArrayList<>();
    for (Expression branch : branches) {
      Typed value = type(branch);
      if (!value.type().fits(result)) {
        throw new ConditionException(
            "condition.type-mismatch", branch.where(), result.label(), value.type().label());
      }
      result = result == ValueType.NULL ? value.type() : result;
      values.add(value);
    }
    if (result == ValueType.NULL) {
      throw new ConditionException("condition.untyped", call.where(), function.spelling());
    }
    ValueType type = result;
    for (Typed value : values) {
      typed.add(
          value instanceof Typed.Constant c && c.type() == ValueType.NULL
              ? new Typed.Constant(null, type)
              : value);
    }
    return new Typed.Call(function, typed, type);
  }

  private FieldDefinition writeTimeField(Expression operand, String what, Where where)
      throws ConditionException {
    if (scope != Scope.WRITE) {
      throw new ConditionException("condition.write-time-only", where, what);
    }
    if (!(operand instanceof Expression.Field field)) {
      throw new ConditionException("condition.field-expected", operand.where(), what);
    }
    return field(field);
  }

  /**
   * A literal (or {@code me}) as a value of {@code target}'s type: a picklist's or stage's value
   * must be one of its values, an id must be a UUID, dates and instants are read from text.
   */
  private Typed coerce(Expression literal, Typed target) throws ConditionException {
    ValueType type = target.type();
    if (literal instanceof Expression.Me) {
      if (type != ValueType.ID) {
        throw new ConditionException("condition.value-type", literal.where(), "me", type.label());
      }
      return currentUser(literal.where());
    }
    Object value = ((Expression.Literal) literal).value();
    Where where = literal.where();
    if (value == null) {
      return new Typed.Constant(null, type);
    }
    if (value instanceof BigDecimal number && type == ValueType.NUMBER) {
      return new Typed.Constant(number(number, where), type);
    }
    if (value instanceof Boolean && type == ValueType.BOOLEAN) {
      return new Typed.Constant(value, type);
    }
    if (value instanceof LocalDate date && type.temporal()) {
      return new Typed.Constant(date, ValueType.DATE);
    }
    if (value instanceof OffsetDateTime instant && type.temporal()) {
      return new Typed.Constant(instant, ValueType.DATETIME);
    }
    if (value instanceof String text) {
      String checked = text(text, where);
      switch (type) {
        case TEXT -> {
          Optional<Set<String>> choices = choices(target);
          if (choices.isPresent() && !choices.get().contains(checked)) {
            throw new ConditionException(
                "condition.unknown-value", where, describe(target), checked);
          }
          return new Typed.Constant(checked, type);
        }
        case DATE, DATETIME -> {
          Optional<LocalDate> date = date(checked);
          if (date.isPresent()) {
            return new Typed.Constant(date.get(), ValueType.DATE);
          }
          Optional<OffsetDateTime> instant = dateTime(checked);
          if (instant.isPresent()) {
            return new Typed.Constant(instant.get(), ValueType.DATETIME);
          }
        }
        case ID -> {
          if (UUID_TEXT.matcher(checked).matches()) {
            return new Typed.Constant(UUID.fromString(checked), type);
          }
        }
        default -> {
          // refused below
        }
      }
    }
    if (type == ValueType.NULL || type == ValueType.ANY) {
      return type(literal);
    }
    throw new ConditionException("condition.value-type", where, describe(target), type.label());
  }

  /** A multi-picklist's value, as text that must be one of its values. */
  private String choice(Expression literal, Typed target) throws ConditionException {
    if (!(literal instanceof Expression.Literal l && l.value() instanceof String text)) {
      throw new ConditionException(
          "condition.value-type", literal.where(), describe(target), "text");
    }
    String checked = text(text, literal.where());
    if (!choices(target).orElse(Set.of()).contains(checked)) {
      throw new ConditionException(
          "condition.unknown-value", literal.where(), describe(target), checked);
    }
    return checked;
  }

  private Optional<Set<String>> choices(Typed target) {
    Optional<FieldDefinition> field = fieldOf(target);
    if (field.isEmpty()) {
      return Optional.empty();
    }
    FieldType type = field.get().type();
    if (type instanceof FieldType.Picklist picklist) {
      return Optional.of(names(picklist.values()));
    }
    if (type instanceof FieldType.MultiPicklist multi) {
      return Optional.of(names(multi.values()));
    }
    if (type.kind() == FieldKind.STAGE) {
      return Optional.of(
          object.pipeline().stream()
              .flatMap(p -> p.stages().stream())
              .map(s -> s.name())
              .collect(Collectors.toSet()));
    }
    return Optional.empty();
  }

  private static Set<String> names(List<PicklistValue> values) {
    return values.stream().map(PicklistValue::name).collect(Collectors.toSet());
  }

  private static Optional<FieldDefinition> fieldOf(Typed typed) {
    if (typed instanceof Typed.Column column) {
      return Optional.of(column.field());
    }
    if (typed instanceof Typed.Prior prior) {
      return Optional.of(prior.field());
    }
    return Optional.empty();
  }

  /** In a query, a field takes only the tests its kind offers. */
  private void queryTest(Typed operand, QueryTest test, Where where) throws ConditionException {
    if (scope != Scope.QUERY) {
      return;
    }
    Optional<FieldDefinition> field = fieldOf(operand);
    if (field.isPresent() && !FieldTypes.of(field.get().type()).queryTests().contains(test)) {
      throw new ConditionException(
          "condition.operator", where, test.spelling(), field.get().name());
    }
  }

  private Typed require(Expression e, ValueType expected) throws ConditionException {
    Typed typed = type(e);
    expect(e, typed.type(), expected);
    if (typed instanceof Typed.Constant c && c.type() == ValueType.NULL) {
      return new Typed.Constant(null, expected);
    }
    return typed;
  }

  private static void expect(Expression e, ValueType actual, ValueType expected)
      throws ConditionException {
    if (!actual.fits(expected)) {
      throw new ConditionException(
          "condition.type-mismatch", e.where(), expected.label(), actual.label());
    }
  }

  private void arity(Expression.Call call, int count) throws ConditionException {
    if (call.arguments().size() != count) {
      throw new ConditionException("condition.arity", call.where(), call.function(), count);
    }
  }

  private static boolean literal(Expression e) {
    return e instanceof Expression.Literal || e instanceof Expression.Me;
  }

  private static boolean isNullLiteral(Expression e) {
    return e instanceof Expression.Literal literal && literal.value() == null;
  }

  private static String describe(Expression e) {
    return e instanceof Expression.Field field ? field.name() : "the value";
  }

  private static String describe(Typed t) {
    return fieldOf(t).map(FieldDefinition::name).orElse("the value");
  }

  private static String text(String text, Where where) throws ConditionException {
    if (text.indexOf('\0') >= 0) {
      throw new ConditionException("condition.nul", where);
    }
    if (text.length() > MAX_TEXT) {
      throw new ConditionException("condition.value-too-long", where, MAX_TEXT);
    }
    return text;
  }

  private static BigDecimal number(Object value) {
    return (BigDecimal) value;
  }

  private static BigDecimal number(BigDecimal n, Where where) throws ConditionException {
    if (n.precision() - n.scale() > MAX_DIGITS || n.scale() > MAX_DIGITS) {
      throw new ConditionException("condition.number-range", where);
    }
    return n;
  }

  /** Dates from year 1 to 9999, the range every layer (JSON Schema, Java, PostgreSQL) shares. */
  static Optional<LocalDate> date(String text) {
    if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.parse(text);
      return date.getYear() >= 1 ? Optional.of(date) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<OffsetDateTime> dateTime(String text) {
    if (!text.matches(
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})")) {
      return Optional.empty();
    }
    try {
      OffsetDateTime instant = OffsetDateTime.parse(text);
      return instant.getYear() >= 1 && instant.getYear() <= 9999
          ? Optional.of(instant)
          : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
