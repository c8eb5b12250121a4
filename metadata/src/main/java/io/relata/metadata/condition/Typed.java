package io.relata.metadata.condition;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.type.ValueType;
import java.time.LocalDate;
import java.util.List;

/**
 * A checked condition: every field known, every operand of the right type, every literal already a
 * value of its type ({@link String}, {@link java.math.BigDecimal}, {@link Boolean}, {@link
 * LocalDate}, {@link java.time.OffsetDateTime}, {@link java.util.UUID}). Both back ends, SQL and in
 * memory, translate this tree and nothing else; the conformance test keeps them equal.
 *
 * <p>Logic is three-valued, as in SQL: unknown ({@code null}) spreads through operators and
 * functions, {@code false and unknown} is false, {@code true or unknown} is true. Equality, {@code
 * in}, {@code is null} and {@code is changed} are two-valued: {@code null = null} is true and
 * {@code x != "a"} holds for an empty {@code x}.
 */
public sealed interface Typed {

  ValueType type();

  /** A literal, typed. */
  record Constant(Object value, ValueType type) implements Typed {}

  /** The value of a field as the record holds it (as the write would store it). */
  record Column(FieldDefinition field, ValueType type) implements Typed {}

  /** The value a field had before the write ({@code prior(field)}); empty on create. */
  record Prior(FieldDefinition field, ValueType type) implements Typed {}

  /** {@code field is changed}: the write gives the field another value. */
  record Changed(FieldDefinition field) implements Typed {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** {@code me}. */
  record CurrentUser() implements Typed {
    public ValueType type() {
      return ValueType.ID;
    }
  }

  /** {@code today()} in the user's zone (a date), or {@code now()} (an instant). */
  record Moment(ValueType type) implements Typed {}

  /** {@code and} or {@code or} over two or more parts. */
  record Logic(boolean and, List<Typed> parts) implements Typed {
    public Logic {
      parts = List.copyOf(parts);
    }

    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  record Not(Typed operand) implements Typed {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** The comparisons, by their spelling. */
  enum Comparison {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String spelling;

    Comparison(String spelling) {
      this.spelling = spelling;
    }

    public String spelling() {
      return spelling;
    }

    /** Whether it orders values ({@code < <= > >=}). */
    public boolean ordering() {
      return this != EQ && this != NE;
    }

    public static java.util.Optional<Comparison> of(String spelling) {
      return java.util.Arrays.stream(values()).filter(c -> c.spelling.equals(spelling)).findFirst();
    }
  }

  /**
   * {@code left op right}. Both sides have one type, except that a date compares with an instant as
   * its first instant in the user's zone.
   */
  record Compare(Comparison op, Typed left, Typed right) implements Typed {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /**
   * A date or instant compared with a period: {@code =} inside it, {@code !=} outside it, {@code <}
   * before its start, {@code <=} before its end, {@code >} from its end on, {@code >=} from its
   * start on. The period is a {@link RelativeDate}, resolved against today, or one day written as a
   * date and compared with an instant.
   */
  record Within(Typed operand, Comparison op, Span span) implements Typed {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** A period: relative to today, or one fixed day. */
  sealed interface Span {
    RelativeDate.Range range(LocalDate today);

    record Relative(RelativeDate period) implements Span {
      public RelativeDate.Range range(LocalDate today) {
        return period.range(today);
      }
    }

    record Day(LocalDate day) implements Span {
      public RelativeDate.Range range(LocalDate today) {
        return new RelativeDate.Range(day, day.plusDays(1));
      }
    }
  }

  /** {@code x in (values)} or {@code not in}, on one value; values are constants, never null. */
  record Among(Typed operand, List<Object> values, boolean negated) implements Typed {
    public Among {
      values = List.copyOf(values);
    }

    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /**
   * On a multi-picklist: holds any of the values ({@code contains} one, {@code in} several), or
   * holds none of them ({@code not in}); unknown when the field is empty (null).
   */
  record Holds(Typed operand, List<String> values, boolean negated) implements Typed {
    public Holds {
      values = List.copyOf(values);
    }

    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  record IsNull(Typed operand, boolean negated) implements Typed {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** Case-insensitive {@code contains} or {@code starts with} on text. */
  record Match(Typed operand, Typed pattern, boolean prefix) implements Typed {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /**
   * {@code + - * /}: on numbers; {@code +} joins text; a date plus or minus a number of days (the
   * whole part, below a million) is a date; a date minus a date is a number of days. Division by
   * zero is unknown.
   */
  record Arithmetic(char op, Typed left, Typed right, ValueType type) implements Typed {}

  record Negate(Typed operand) implements Typed {
    public ValueType type() {
      return ValueType.NUMBER;
    }
  }

  /** A call of a built-in function. */
  record Call(Function function, List<Typed> arguments, ValueType type) implements Typed {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** The built-in functions (besides {@code today}, {@code now} and {@code prior}). */
  enum Function {
    LEN,
    LOWER,
    UPPER,
    TRIM,
    ABS,
    ROUND,
    YEAR,
    MONTH,
    DAY,
    IS_BLANK,
    IF,
    COALESCE;

    public String spelling() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
