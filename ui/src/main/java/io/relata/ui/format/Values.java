package io.relata.ui.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.FormulaResult;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.schema.RecordSchema;
import io.relata.ui.screen.Labels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Values as screens show them, in the user's locale and time zone: numbers with the field's scale
 * and the locale's separators, amounts with their currency, dates and times in the user's zone,
 * picklist values by label, references by name. The one place that decides how a value reads.
 */
public final class Values {

  private final Locale locale;
  private final ZoneId zone;
  private final DateTimeFormatter date;
  private final DateTimeFormatter dateTime;

  public Values(Locale locale, ZoneId zone) {
    this.locale = locale;
    this.zone = zone;
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    this.dateTime =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale);
  }

  public Locale locale() {
    return locale;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * The text of {@code field}'s value in {@code record} (a record as the platform's JSON gives it,
   * references possibly expanded to {@code {"id", "name"}}); empty for no value.
   */
  public String text(ObjectDefinition object, FieldDefinition field, JsonNode record) {
    JsonNode value = record.get(field.name());
    if (value == null || value.isNull()) {
      return "";
    }
    FieldType type = field.type();
    if (type instanceof FieldType.Currency currency) {
      String code =
          currency.perRecord()
              ? record.path(RecordSchema.currencyOf(field.name())).asText(null)
              : currency.currency().orElse(null);
      return amount(value.decimalValue(), currency.scale(), code);
    }
    if (type instanceof FieldType.Formula formula) {
      return formula(formula.resultType(), formula.scale(), value);
    }
    return switch (type.kind()) {
      case NUMBER -> number(value.decimalValue(), ((FieldType.Number) type).scale());
      case PERCENT -> percent(value.decimalValue(), ((FieldType.Percent) type).scale());
      case ROLL_UP -> number(value.decimalValue(), value.decimalValue().scale());
      case BOOLEAN -> value.asBoolean() ? "✓" : "—";
      case DATE -> date(value.asText());
      case DATETIME -> dateTime(value.asText());
      case PICKLIST -> picklist(((FieldType.Picklist) type).values(), value.asText());
      case MULTI_PICKLIST -> {
        List<String> labels = new ArrayList<>();
        value.forEach(
            v -> labels.add(picklist(((FieldType.MultiPicklist) type).values(), v.asText())));
        yield String.join(", ", labels);
      }
      case STAGE ->
          object
              .pipeline()
              .flatMap(p -> p.stage(value.asText()))
              .map(Labels::stage)
              .orElse(value.asText());
      case LOOKUP, MASTER_DETAIL, USER ->
          value.path("name").isTextual() ? value.path("name").asText() : unseen();
      case ABOUT -> value.path("name").asText(value.path("object").asText());
      case RICH_TEXT -> Texts.plain(value.asText()).replaceAll("\\s+", " ");
      case JSON -> value.toString();
      default -> value.asText();
    };
  }

  /**
   * A reference the platform did not name: its record is one the user may not read. Never its id,
   * which would mean nothing to a person.
   */
  public static String unseen() {
    com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
    return ui == null ? "…" : ui.getTranslation("value.unseen");
  }

  /** A stage's or picklist value's colour, for chips; empty when it has none. */
  public static Optional<String> colour(
      ObjectDefinition object, FieldDefinition field, String name) {
    if (field.type() instanceof FieldType.Picklist picklist) {
      return picklist.values().stream()
          .filter(v -> v.name().equals(name))
          .findFirst()
          .flatMap(PicklistValue::colour);
    }
    if (field.type() instanceof FieldType.MultiPicklist multi) {
      return multi.values().stream()
          .filter(v -> v.name().equals(name))
          .findFirst()
          .flatMap(PicklistValue::colour);
    }
    if (field.type() instanceof FieldType.Stage) {
      return object.pipeline().flatMap(p -> p.stage(name)).flatMap(s -> s.colour());
    }
    return Optional.empty();
  }

  public String number(BigDecimal value, int scale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(scale);
    format.setMaximumFractionDigits(scale);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(value);
  }

  public String percent(BigDecimal value, int scale) {
    return number(value, scale) + "\u00a0%";
  }

  /** An amount in its currency as the locale writes amounts; without a code, a plain number. */
  public String amount(BigDecimal value, int scale, String code) {
    if (code == null) {
      return number(value, scale);
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    try {
      format.setCurrency(Currency.getInstance(code));
    } catch (IllegalArgumentException e) {
      return number(value, scale) + "\u00a0" + code;
    }
    format.setMinimumFractionDigits(scale);
    format.setMaximumFractionDigits(scale);
    return format.format(value);
  }

  public String date(String iso) {
    try {
      return date.format(LocalDate.parse(iso));
    } catch (java.time.format.DateTimeParseException e) {
      return iso;
    }
  }

  public String dateTime(String iso) {
    try {
      return dateTime.format(OffsetDateTime.parse(iso).atZoneSameInstant(zone));
    } catch (java.time.format.DateTimeParseException e) {
      return iso;
    }
  }

  /** A count as a person reads it: exact to 9,999; beyond, rounded when it is an estimate. */
  public String count(
      long count, boolean exact, java.util.function.BiFunction<String, Object, String> texts) {
    if (exact || count < 10_000) {
      return NumberFormat.getIntegerInstance(locale).format(count);
    }
    if (count < 1_000_000) {
      return texts.apply(
          "count.about-thousand",
          NumberFormat.getIntegerInstance(locale).format(Math.round(count / 1000.0)));
    }
    NumberFormat one = NumberFormat.getNumberInstance(locale);
    one.setMaximumFractionDigits(1);
    return texts.apply("count.about-million", one.format(count / 1_000_000.0));
  }

  private String formula(FormulaResult result, int scale, JsonNode value) {
    return switch (result) {
      case NUMBER -> number(value.decimalValue(), scale);
      case CURRENCY -> number(value.decimalValue(), scale);
      case PERCENT -> percent(value.decimalValue(), scale);
      case BOOLEAN -> value.asBoolean() ? "✓" : "—";
      case DATE -> date(value.asText());
      case DATETIME -> dateTime(value.asText());
      case TEXT -> value.asText();
    };
  }

  private static String picklist(List<PicklistValue> values, String name) {
    return values.stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .map(Labels::value)
        .orElse(name);
  }
}
