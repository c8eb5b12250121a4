package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.ui.format.Values;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Labels;
import java.util.Locale;
import java.util.Optional;

/**
 * A field's value as a record page shows it to be read: its label over the formatted value, with
 * references as links to their records, picklist values and stages as coloured chips, email
 * addresses, phone numbers and web addresses as links, and rich text as the platform's sanitised
 * HTML. Plain elements, not editors: most visits to a record only read it, and thirty read-only
 * editors were most of a record page's weight in the browser.
 */
final class ShownValue {

  private ShownValue() {}

  /** The labelled value of {@code field} in {@code record}; it carries the field's name. */
  static Component of(EditorContext context, FieldDefinition field, JsonNode record) {
    Span label = new Span(Labels.field(field));
    label.addClassName("relata-value-label");
    Component value = value(context, field, record);
    value.getElement().setAttribute("data-field", field.name());
    value.getElement().getClassList().add("relata-value-text");
    Div shown = new Div(label, value);
    shown.addClassName("relata-value");
    return shown;
  }

  private static Component value(EditorContext context, FieldDefinition field, JsonNode record) {
    ObjectDefinition object = context.object();
    JsonNode value = record.get(field.name());
    if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
      Span none = new Span("—");
      none.addClassName("relata-muted");
      return none;
    }
    String text = context.values().text(object, field, record);
    return switch (field.type().kind()) {
      case PICKLIST, STAGE -> chip(text, Values.colour(object, field, value.asText()));
      case MULTI_PICKLIST -> {
        Div chips = new Div();
        chips.addClassName("relata-chips");
        java.util.List<io.relata.metadata.definition.PicklistValue> values =
            ((FieldType.MultiPicklist) field.type()).values();
        for (JsonNode one : value) {
          String name = one.asText();
          String label =
              values.stream()
                  .filter(v -> v.name().equals(name))
                  .findFirst()
                  .map(Labels::value)
                  .orElse(name);
          chips.add(chip(label, Values.colour(object, field, name)));
        }
        yield chips;
      }
      case LOOKUP, MASTER_DETAIL -> reference(context, target(field), value.path("id"), text);
      case ABOUT -> reference(context, value.path("object").asText(), value.path("id"), text);
      case RICH_TEXT -> new Html("<div class=\"relata-rich-value\">" + value.asText() + "</div>");
      case LONG_TEXT -> {
        Span span = new Span(text);
        span.addClassName("relata-long-value");
        yield span;
      }
      case EMAIL -> new Anchor("mailto:" + value.asText(), text);
      case PHONE -> new Anchor("tel:" + value.asText().replaceAll("[^+0-9]", ""), text);
      case URL -> web(value.asText());
      default -> new Span(text);
    };
  }

  /** A coloured chip, as lists and the board show the value; plain text without a colour. */
  private static Span chip(String text, Optional<String> colour) {
    Span chip = new Span(text);
    colour.ifPresent(
        c -> {
          chip.addClassName("relata-chip");
          chip.getStyle().set("--relata-chip", c);
        });
    return chip;
  }

  /** A link to the referred record when the user may read it and the platform named it. */
  private static Component reference(
      EditorContext context, String target, JsonNode id, String text) {
    boolean named = !text.equals(Values.unseen());
    if (target != null && id.isTextual() && named && context.view().readable(target).isPresent()) {
      return new Anchor("o/" + target + "/" + id.asText(), text);
    }
    Span span = new Span(text);
    if (!named) {
      span.addClassName("relata-muted");
    }
    return span;
  }

  /** A web address opens in a new tab; only http and https are links, anything else is text. */
  private static Component web(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      Anchor link = new Anchor(address, address, AnchorTarget.BLANK);
      link.getElement().setAttribute("rel", "noopener noreferrer");
      return link;
    }
    return new Span(address);
  }

  private static String target(FieldDefinition field) {
    if (field.type() instanceof FieldType.Lookup lookup) {
      return lookup.target();
    }
    if (field.type() instanceof FieldType.MasterDetail detail) {
      return detail.target();
    }
    return null;
  }
}
