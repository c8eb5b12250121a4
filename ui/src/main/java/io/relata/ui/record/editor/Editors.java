package io.relata.ui.record.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.type.FieldTypes;
import io.relata.ui.screen.Labels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The editor of each field, chosen by the editor id its type names in the field-type registry
 * ({@code FieldTypeSpec.editor()}): a plugin's type that names a known editor gets it; an unknown
 * editor id gets a plain text field over the value's JSON text.
 */
public final class Editors {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Editors() {}

  public static FieldEditor of(EditorContext context, FieldDefinition field) {
    String editor = FieldTypes.of(field.type()).editor();
    return switch (editor) {
      case "text-field", "phone", "url" -> text(field, new TextField());
      case "email" -> new Bound<>(field, new EmailField(), JsonNode::asText, JSON::textNode);
      case "text-area" -> text(field, new TextArea());
      case "rich-text" -> RichTextEditor.of(field);
      case "number", "percent", "currency" -> number(context, field);
      case "checkbox" -> new Bound<>(field, new Checkbox(), JsonNode::asBoolean, JSON::booleanNode);
      case "date" -> date(context, field);
      case "date-time" -> dateTime(context, field);
      case "picklist" -> picklist(field);
      case "multi-picklist" -> multiPicklist(field);
      case "lookup" -> LookupEditor.records(context, field);
      case "user" -> LookupEditor.users(context, field);
      case "json" ->
          new Bound<>(
              field,
              new TextArea(),
              JsonNode::toString,
              text -> {
                try {
                  return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
                } catch (java.io.IOException e) {
                  return JSON.textNode(text);
                }
              });
      default -> ReadOnlyEditor.of(context, field);
    };
  }

  private static FieldEditor text(
      FieldDefinition field, com.vaadin.flow.component.AbstractField<?, String> component) {
    if (field.type() instanceof FieldType.Text t && component instanceof TextField f) {
      f.setMaxLength(t.maxLength());
    }
    return new Bound<>(field, component, JsonNode::asText, JSON::textNode);
  }

  private static FieldEditor number(EditorContext context, FieldDefinition field) {
    BigDecimalField component = new BigDecimalField();
    component.setLocale(context.values().locale());
    if (field.type() instanceof FieldType.Currency currency) {
      currency.currency().ifPresent(code -> component.setSuffixComponent(new Span(code)));
    } else if (field.type() instanceof FieldType.Percent) {
      component.setSuffixComponent(new Span("%"));
    }
    component.addClassName("relata-number");
    return new Bound<>(field, component, JsonNode::decimalValue, v -> JSON.numberNode(strip(v)));
  }

  private static BigDecimal strip(BigDecimal value) {
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  private static FieldEditor date(EditorContext context, FieldDefinition field) {
    DatePicker component = new DatePicker();
    component.setLocale(context.values().locale());
    component.setI18n(
        io.relata.ui.format.Pickers.dates(context.values().locale(), component::getTranslation));
    return new Bound<>(
        field,
        component,
        json -> LocalDate.parse(json.asText()),
        date -> JSON.textNode(date.toString()));
  }

  private static FieldEditor dateTime(EditorContext context, FieldDefinition field) {
    DateTimePicker component = new DateTimePicker();
    component.setLocale(context.values().locale());
    component.setDatePickerI18n(
        io.relata.ui.format.Pickers.dates(context.values().locale(), component::getTranslation));
    java.time.ZoneId zone = context.values().zone();
    return new Bound<>(
        field,
        component,
        json -> OffsetDateTime.parse(json.asText()).atZoneSameInstant(zone).toLocalDateTime(),
        (LocalDateTime local) ->
            JSON.textNode(
                local
                    .atZone(zone)
                    .withZoneSameInstant(ZoneOffset.UTC)
                    .toOffsetDateTime()
                    .toString()));
  }

  private static FieldEditor picklist(FieldDefinition field) {
    List<PicklistValue> values = ((FieldType.Picklist) field.type()).values();
    ComboBox<String> component = new ComboBox<>();
    component.setItems(
        values.stream().filter(PicklistValue::active).map(PicklistValue::name).toList());
    component.setItemLabelGenerator(name -> label(values, name));
    component.setRenderer(
        LitRenderer.<String>of(
                "<span class=\"relata-chip\" style=\"--relata-chip: ${item.colour}\">"
                    + "${item.label}</span>")
            .withProperty("label", name -> label(values, name))
            .withProperty(
                "colour",
                name ->
                    values.stream()
                        .filter(v -> v.name().equals(name))
                        .findFirst()
                        .flatMap(PicklistValue::colour)
                        .orElse("var(--lumo-contrast-60pct)")));
    return new Bound<>(field, component, JsonNode::asText, JSON::textNode);
  }

  private static FieldEditor multiPicklist(FieldDefinition field) {
    List<PicklistValue> values = ((FieldType.MultiPicklist) field.type()).values();
    MultiSelectComboBox<String> component = new MultiSelectComboBox<>();
    component.setItems(
        values.stream().filter(PicklistValue::active).map(PicklistValue::name).toList());
    component.setItemLabelGenerator(name -> label(values, name));
    return new Bound<>(
        field,
        component,
        json -> {
          Set<String> names = new LinkedHashSet<>();
          json.forEach(v -> names.add(v.asText()));
          return names;
        },
        (Set<String> names) -> {
          ArrayNode array = JSON.arrayNode();
          values.stream().map(PicklistValue::name).filter(names::contains).forEach(array::add);
          return array;
        });
  }

  private static String label(List<PicklistValue> values, String name) {
    return values.stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .map(Labels::value)
        .orElse(name);
  }
}
