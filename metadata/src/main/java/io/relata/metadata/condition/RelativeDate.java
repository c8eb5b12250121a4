package io.relata.metadata.condition;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period relative to today: {@code today}, {@code yesterday}, {@code tomorrow}, {@code
 * this|last|next_week|month|quarter|year}, {@code last_n_days:N} (the N days before today and
 * today) and {@code next_n_days:N} (today and the N days after). Weeks start on Monday (ISO 8601),
 * quarters are calendar quarters.
 *
 * @param name the period as written, for example {@code this_quarter}
 */
public record RelativeDate(String name, Unit unit, int offset, int days) {

  /** The longest {@code last_n_days} or {@code next_n_days}: about 27 years. */
  public static final int MAX_DAYS = 10_000;

  private static final Pattern PERIOD =
      Pattern.compile("(this|last|next)_(week|month|quarter|year)");
  private static final Pattern DAYS = Pattern.compile("(last|next)_n_days:([0-9]{1,5})");

  /** What a period counts in. */
  public enum Unit {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    /** {@code last_n_days} and {@code next_n_days}. */
    DAYS
  }

  /** A period by name, if {@code text} names one (case-insensitive). */
  public static Optional<RelativeDate> of(String text) {
    String name = text.toLowerCase(Locale.ROOT);
    switch (name) {
      case "today":
        return Optional.of(new RelativeDate(name, Unit.DAY, 0, 0));
      case "yesterday":
        return Optional.of(new RelativeDate(name, Unit.DAY, -1, 0));
      case "tomorrow":
        return Optional.of(new RelativeDate(name, Unit.DAY, 1, 0));
      default:
        break;
    }
    Matcher period = PERIOD.matcher(name);
    if (period.matches()) {
      int offset =
          switch (period.group(1)) {
            case "last" -> -1;
            case "next" -> 1;
            default -> 0;
          };
      Unit unit = Unit.valueOf(period.group(2).toUpperCase(Locale.ROOT));
      return Optional.of(new RelativeDate(name, unit, offset, 0));
    }
    Matcher days = DAYS.matcher(name);
    if (days.matches() && Integer.parseInt(days.group(2)) <= MAX_DAYS) {
      int n = Integer.parseInt(days.group(2));
      return Optional.of(
          new RelativeDate(name, Unit.DAYS, days.group(1).equals("last") ? -1 : 1, n));
    }
    return Optional.empty();
  }

  /** The period as dates: from {@code start} (inclusive) to {@code end} (exclusive). */
  public record Range(LocalDate start, LocalDate end) {}

  public Range range(LocalDate today) {
    return switch (unit) {
      case DAY -> day(today.plusDays(offset));
      case WEEK -> {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate start = monday.plusWeeks(offset);
        yield new Range(start, start.plusWeeks(1));
      }
      case MONTH -> {
        LocalDate start = today.withDayOfMonth(1).plusMonths(offset);
        yield new Range(start, start.plusMonths(1));
      }
      case QUARTER -> {
        int firstMonth = (today.getMonthValue() - 1) / 3 * 3 + 1;
        LocalDate start = LocalDate.of(today.getYear(), firstMonth, 1).plusMonths(3L * offset);
        yield new Range(start, start.plusMonths(3));
      }
      case YEAR -> {
        LocalDate start = LocalDate.of(today.getYear() + offset, 1, 1);
        yield new Range(start, start.plusYears(1));
      }
      case DAYS ->
          offset < 0
              ? new Range(today.minusDays(days), today.plusDays(1))
              : new Range(today, today.plusDays(days + 1L));
    };
  }

  private static Range day(LocalDate day) {
    return new Range(day, day.plusDays(1));
  }
}
