package io.relata.metadata.filter;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.schema.RecordSchema;
import io.relata.metadata.validation.Problem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Types a filter against an object: refuses unknown and unfilterable fields, operators a type does
 * not have and values of the wrong type, and resolves relative dates against today. Dates compared
 * with date-time fields stand for the whole day in the given zone.
 */
public final class FilterResolver {

  /** What a filter is resolved against: today's date, the user's zone, the acting user. */
  public record Context(LocalDate today, ZoneId zone, Optional<UUID> me) {}

  /** The resolved predicate, or the problems that stop it. */
  public record Result(Optional<Predicate> predicate, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private static final Set<Operator> EQUALITY = EnumSet.of(Operator.EQ, Operator.NE);
  private static final Set<Operator> NULLS = EnumSet.of(Operator.IS_NULL, Operator.IS_NOT_NULL);
  private static final Set<Operator> LISTS = EnumSet.of(Operator.IN, Operator.NOT_IN);
  private static final Set<Operator> ORDERING =
      EnumSet.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.BETWEEN);
  private static final Set<Operator> TEXT_SEARCH =
      EnumSet.of(Operator.CONTAINS, Operator.STARTS_WITH);
  private static final int MAX_TEXT = 1_000;

  /** Digits before or after the point; PostgreSQL's numeric holds far more, no field as many. */
  private static final int MAX_DIGITS = 1_000;

  private final ObjectDefinition object;
  private final Context context;
  private final List<Problem> problems = new ArrayList<>();

  private FilterResolver(ObjectDefinition object, Context context) {
    this.object = object;
    this.context = context;
  }

  public static Result resolve(ObjectDefinition object, Filter filter, Context context) {
    FilterResolver resolver = new FilterResolver(object, context);
    Predicate predicate = resolver.node(filter);
    return resolver.problems.isEmpty()
        ? new Result(Optional.of(predicate), List.of())
        : new Result(Optional.empty(), resolver.problems);
  }

  /** The operators a field of this kind can be filtered with; empty when it cannot be. */
  public static Set<Operator> operators(FieldKind kind) {
    Set<Operator> ops = EnumSet.noneOf(Operator.class);
    switch (kind) {
      case TEXT, EMAIL, PHONE, URL, AUTO_NUMBER -> {
        ops.addAll(EQUALITY);
        ops.addAll(LISTS);
        ops.addAll(ORDERING);
        ops.addAll(TEXT_SEARCH);
      }
      case LONG_TEXT, RICH_TEXT -> ops.addAll(TEXT_SEARCH);
      case PICKLIST, STAGE, LOOKUP, MASTER_DETAIL, USER -> {
        ops.addAll(EQUALITY);
        ops.addAll(LISTS);
      }
      case NUMBER, CURRENCY, PERCENT, ROLL_UP, DATE -> {
        ops.addAll(EQUALITY);
        ops.addAll(LISTS);
        ops.addAll(ORDERING);
      }
      case DATETIME -> {
        ops.addAll(EQUALITY);
        ops.addAll(ORDERING);
      }
      case BOOLEAN -> ops.addAll(EQUALITY);
      case MULTI_PICKLIST -> {
        ops.add(Operator.CONTAINS);
        ops.addAll(LISTS);
      }
      case FORMULA, JSON -> {
        return ops;
      }
    }
    ops.addAll(NULLS);
    return ops;
  }

  private Predicate node(Filter filter) {
    if (filter instanceof Filter.And and) {
      return new Predicate.And(and.parts().stream().map(this::node).toList());
    }
    if (filter instanceof Filter.Or or) {
      return new Predicate.Or(or.parts().stream().map(this::node).toList());
    }
    if (filter instanceof Filter.Not not) {
      return new Predicate.Not(node(not.part()));
    }
    return condition((Filter.Condition) filter);
  }

  private Predicate condition(Filter.Condition condition) {
    String at = condition.at();
    Optional<FieldDefinition> found = SystemFields.field(object, condition.field());
    if (found.isEmpty()) {
      return refuse(at, "filter.unknown-field", condition.field());
    }
    FieldDefinition field = found.get();
    Operator op = condition.operator();
    Set<Operator> allowed = operators(field.type().kind());
    if (allowed.isEmpty()) {
      return refuse(at, "filter.not-filterable", field.name());
    }
    if (!allowed.contains(op)) {
      return refuse(at, "filter.operator", op.spelling(), field.name());
    }
    List<Literal> literals = condition.values();
    switch (op) {
      case IS_NULL:
      case IS_NOT_NULL:
        return new Predicate.Null(field, op == Operator.IS_NOT_NULL);
      case IN:
      case NOT_IN:
        {
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < literals.size(); i++) {
            Value value = value(field, literals.get(i), at, i);
            if (value instanceof Value.Period) {
              return refuse(at, "filter.period-in-list", field.name());
            }
            values.add(value == null ? null : ((Value.Exact) value).value());
          }
          return new Predicate.Among(field, op == Operator.NOT_IN, values);
        }
      case BETWEEN:
        {
          Value low = value(field, literals.get(0), at, 0);
          Value high = value(field, literals.get(1), at, 1);
          if (low == null || high == null) {
            return placeholder(field);
          }
          return new Predicate.And(
              List.of(compare(field, Operator.GE, low), compare(field, Operator.LE, high)));
        }
      case CONTAINS:
        if (field.type().kind() == FieldKind.MULTI_PICKLIST) {
          Value value = value(field, literals.get(0), at, 0);
          return value == null
              ? placeholder(field)
              : new Predicate.Holds(field, (String) ((Value.Exact) value).value());
        }
        return textSearch(field, op, literals.get(0), at);
      case STARTS_WITH:
        return textSearch(field, op, literals.get(0), at);
      default:
        {
          Value value = value(field, literals.get(0), at, 0);
          return value == null ? placeholder(field) : compare(field, op, value);
        }
    }
  }

  private Predicate textSearch(FieldDefinition field, Operator op, Literal literal, String at) {
    if (!(literal instanceof Literal.Text text)) {
      return refuse(at, "filter.value-type", field.name(), "text");
    }
    return checkedText(text.value(), at)
        ? new Predicate.Compare(field, op, text.value())
        : placeholder(field);
  }

  /** A period compares by its bounds: inside it, before its start, after its end. */
  private static Predicate compare(FieldDefinition field, Operator op, Value value) {
    if (value instanceof Value.Exact exact) {
      return new Predicate.Compare(field, op, exact.value());
    }
    Value.Period period = (Value.Period) value;
    Predicate startOrLater = new Predicate.Compare(field, Operator.GE, period.start());
    Predicate beforeEnd = new Predicate.Compare(field, Operator.LT, period.end());
    return switch (op) {
      case EQ -> new Predicate.And(List.of(startOrLater, beforeEnd));
      case NE ->
          new Predicate.Or(
              List.of(
                  new Predicate.Compare(field, Operator.LT, period.start()),
                  new Predicate.Compare(field, Operator.GE, period.end())));
      case LT -> new Predicate.Compare(field, Operator.LT, period.start());
      case LE -> beforeEnd;
      case GT -> new Predicate.Compare(field, Operator.GE, period.end());
      case GE -> startOrLater;
      default -> throw new IllegalArgumentException(op.spelling());
    };
  }

  /** A typed value: exact, or a period of dates or instants. */
  private sealed interface Value {
    record Exact(Object value) implements Value {}

    record Period(Object start, Object end) implements Value {}
  }

  /** The literal as a value of the field's type; {@code null} after recording a problem. */
  private Value value(FieldDefinition field, Literal literal, String at, int index) {
    FieldKind kind = field.type().kind();
    if (literal instanceof Literal.Relative relative) {
      if (kind != FieldKind.DATE && kind != FieldKind.DATETIME) {
        return wrong(field, at, "date");
      }
      RelativeDate.Range range = relative.period().range(context.today());
      return period(kind, range.start(), range.end());
    }
    if (literal instanceof Literal.Me) {
      if (kind != FieldKind.USER) {
        return wrong(field, at, "user");
      }
      if (context.me().isEmpty()) {
        refuse(at, "filter.me-unknown");
        return null;
      }
      return new Value.Exact(context.me().get());
    }
    switch (kind) {
      case NUMBER, CURRENCY, PERCENT, ROLL_UP:
        if (!(literal instanceof Literal.Number n)) {
          return wrong(field, at, "number");
        }
        if (n.value().precision() - n.value().scale() > MAX_DIGITS
            || n.value().scale() > MAX_DIGITS) {
          refuse(at, "filter.number-range", field.name());
          return null;
        }
        return new Value.Exact(n.value());
      case BOOLEAN:
        return literal instanceof Literal.Bool b
            ? new Value.Exact(b.value())
            : wrong(field, at, "boolean");
      default:
        break;
    }
    if (!(literal instanceof Literal.Text text)) {
      return wrong(field, at, "text");
    }
    String value = text.value();
    if (!checkedText(value, at)) {
      return null;
    }
    switch (kind) {
      case DATE:
      case DATETIME:
        {
          Optional<LocalDate> date = date(value);
          if (date.isPresent()) {
            return kind == FieldKind.DATE
                ? new Value.Exact(date.get())
                : period(kind, date.get(), date.get().plusDays(1));
          }
          if (kind == FieldKind.DATETIME) {
            Optional<OffsetDateTime> instant = dateTime(value);
            if (instant.isPresent()) {
              return new Value.Exact(instant.get());
            }
          }
          return wrong(field, at, kind == FieldKind.DATE ? "date" : "date-time");
        }
      case LOOKUP:
      case MASTER_DETAIL:
      case USER:
        if (!value.matches(RecordSchema.UUID_PATTERN)) {
          return wrong(field, at, "id");
        }
        return new Value.Exact(UUID.fromString(value));
      case PICKLIST:
        return choice(field, value, names(((FieldType.Picklist) field.type()).values()), at);
      case MULTI_PICKLIST:
        return choice(field, value, names(((FieldType.MultiPicklist) field.type()).values()), at);
      case STAGE:
        return choice(
            field,
            value,
            object.pipeline().stream()
                .flatMap(p -> p.stages().stream())
                .map(s -> s.name())
                .collect(Collectors.toSet()),
            at);
      default:
        return new Value.Exact(value);
    }
  }

  private Value period(FieldKind kind, LocalDate start, LocalDate end) {
    if (kind == FieldKind.DATE) {
      return new Value.Period(start, end);
    }
    return new Value.Period(
        start.atStartOfDay(context.zone()).toOffsetDateTime(),
        end.atStartOfDay(context.zone()).toOffsetDateTime());
  }

  private Value choice(FieldDefinition field, String value, Set<String> names, String at) {
    if (!names.contains(value)) {
      refuse(at, "filter.unknown-value", field.name(), value);
      return null;
    }
    return new Value.Exact(value);
  }

  private static Set<String> names(List<PicklistValue> values) {
    return values.stream().map(PicklistValue::name).collect(Collectors.toSet());
  }

  private boolean checkedText(String value, String at) {
    if (value.indexOf('\0') >= 0) {
      refuse(at, "filter.nul");
      return false;
    }
    if (value.length() > MAX_TEXT) {
      refuse(at, "filter.value-too-long", MAX_TEXT);
      return false;
    }
    return true;
  }

  /** Dates from year 1 to 9999, the range every layer (JSON Schema, Java, PostgreSQL) shares. */
  static Optional<LocalDate> date(String text) {
    if (!text.matches(RecordSchema.DATE)) {
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
    if (!text.matches(RecordSchema.DATE_TIME)) {
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

  private Value wrong(FieldDefinition field, String at, String expected) {
    refuse(at, "filter.value-type", field.name(), expected);
    return null;
  }

  private Predicate refuse(String at, String code, Object... args) {
    problems.add(Problem.at(at, code, args));
    return new Predicate.And(List.of());
  }

  /** Stands in for a condition that has been refused; never compiled, since problems stop it. */
  private static Predicate placeholder(FieldDefinition field) {
    return new Predicate.Null(field, false);
  }
}
