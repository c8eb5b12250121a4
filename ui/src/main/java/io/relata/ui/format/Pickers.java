package io.relata.ui.format;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The words of date pickers in the user's language: month and weekday names from the Java
 * platform's locale data, the first day of the week as the locale counts it, and the picker's
 * buttons from the screens' texts.
 */
public final class Pickers {

  private Pickers() {}

  /**
   * @param texts the screens' texts by key ({@code picker.today}, {@code picker.cancel})
   */
  public static DatePicker.DatePickerI18n dates(Locale locale, Function<String, String> texts) {
    DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
    List<String> months = Arrays.asList(symbols.getMonths()).subList(0, 12);
    // Java's weekdays start at index 1 with Sunday, as the picker's do
    List<String> weekdays = Arrays.asList(symbols.getWeekdays()).subList(1, 8);
    List<String> shortWeekdays = Arrays.asList(symbols.getShortWeekdays()).subList(1, 8);
    DayOfWeek first = WeekFields.of(locale).getFirstDayOfWeek();
    return new DatePicker.DatePickerI18n()
        .setMonthNames(months)
        .setWeekdays(weekdays)
        .setWeekdaysShort(shortWeekdays)
        .setFirstDayOfWeek(first.getValue() % 7)
        .setToday(texts.apply("picker.today"))
        .setCancel(texts.apply("picker.cancel"));
  }
}
