package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.type.FieldTypeSpec;
import io.relata.metadata.type.FieldTypes;
import io.relata.ui.screen.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dashboard widget's measure and grouping chosen, not typed: the measure as a function and the
 * field it takes (count needs none), the grouping as a field and, for a date, its period. Only the
 * fields of the widget's object that the function or grouping takes are offered, as the platform's
 * field types say; the dashboard's compiler still checks the whole widget when saved.
 */
final class WidgetParts {

  private static final Pattern MEASURE = Pattern.compile("/widgets/(\\d+)/measure");
  private static final Pattern GROUP = Pattern.compile("/widgets/(\\d+)/groupBy");
  private static final Pattern SERIES = Pattern.compile("/widgets/(\\d+)/series");
  private static final Pattern WIDGET = Pattern.compile("/widgets/(\\d+)/.*");
  private static final List<String> FUNCTIONS =
      List.of("count", "sum", "avg", "min", "max", "weighted");
  private static final List<String> PERIODS =
      List.of("", "day", "week", "month", "quarter", "year");

  private static final java.util.Set<String> HIDDEN =
      java.util.Set.of("id", "version", "deleted_at");

  private final CompiledModel model;
  private final Function<String, String> texts;

  WidgetParts(CompiledModel model, Function<String, String> texts) {
    this.model = model;
    this.texts = texts;
  }

  /** The editor of a widget's measure or grouping at {@code pointer}; empty elsewhere. */
  Optional<Component> editor(String pointer, ObjectNode widget) {
    if (MEASURE.matcher(pointer).matches()) {
      return Optional.of(measure(pointer, widget));
    }
    if (GROUP.matcher(pointer).matches()) {
      return Optional.of(grouping(pointer, widget));
    }
    return Optional.empty();
  }

  /**
   * The fields a widget's series may be, by name: its object's groupable fields, as the document
   * has its object when asked.
   */
  Optional<java.util.function.Supplier<Map<String, String>>> names(
      String pointer, java.util.function.Supplier<JsonNode> document) {
    Matcher series = SERIES.matcher(pointer);
    if (!series.matches()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(series.group(1));
    return Optional.of(
        () -> {
          JsonNode widget = document.get().path("widgets").path(index);
          // a metric and a funnel have no series
          return List.of("metric", "funnel").contains(widget.path("type").asText())
              ? Map.of()
              : fields(widget, (spec, type) -> spec.groupable());
        });
  }

  /**
   * Whether the widget's type may group by a field of {@code type}, as the compiler has it: a
   * metric by nothing, a funnel by its stage, a line and a forecast by a date (with a period).
   */
  private static boolean groups(JsonNode widget, FieldTypeSpec spec, FieldType type) {
    return switch (widget.path("type").asText()) {
      case "metric" -> false;
      case "funnel" -> type instanceof FieldType.Stage;
      case "line", "forecast" -> spec.valueType(type).temporal();
      default -> true;
    };
  }

  /** The object of the widget a pointer is in, as the model has it. */
  Optional<ObjectDefinition> object(String pointer, JsonNode document) {
    Matcher widget = WIDGET.matcher(pointer);
    if (!widget.matches()) {
      return Optional.empty();
    }
    return model.object(
        document.path("widgets").path(Integer.parseInt(widget.group(1))).path("object").asText());
  }

  private Component measure(String at, ObjectNode widget) {
    if (!widget.has("measure")) {
      widget.put("measure", "count"); // what a new widget shows, it is
    }
    String[] now = widget.path("measure").asText("count").split(":", 2);
    Select<String> function = new Select<>();
    function.setId(SchemaForm.id(at) + "-function");
    function.setLabel(texts.apply("setup.property.measure"));
    function.setItems(FUNCTIONS);
    function.setItemLabelGenerator(f -> texts.apply("setup.widget.function." + f));
    function.setValue(FUNCTIONS.contains(now[0]) ? now[0] : "count");
    ComboBox<String> field = new ComboBox<>(texts.apply("setup.widget.of"));
    field.setId(SchemaForm.id(at) + "-field");
    field.setItemLabelGenerator(name -> label(widget, name));
    java.util.function.Supplier<Map<String, String>> taken =
        () -> {
          String f = function.getValue();
          String summed = "weighted".equals(f) ? "sum" : f;
          // a figure is a number: a date's latest is a list's answer, as the compiler says
          return fields(
              widget,
              (spec, type) -> spec.metrics().contains(summed) && !spec.valueType(type).temporal());
        };
    offer(field, taken);
    if (now.length == 2) {
      field.setValue(now[1]);
    }
    field.setVisible(!function.getValue().equals("count"));
    Runnable write =
        () -> {
          String f = function.getValue();
          if (f.equals("count")) {
            widget.put("measure", "count");
          } else if (field.getValue() != null) {
            widget.put("measure", f + ":" + field.getValue());
          } else {
            widget.remove("measure"); // a function without its field: the save says so
          }
        };
    function.addValueChangeListener(
        e -> {
          field.setVisible(!e.getValue().equals("count"));
          if (field.getValue() != null && !taken.get().containsKey(field.getValue())) {
            field.clear(); // a field the function does not take
          }
          write.run();
        });
    field.addValueChangeListener(e -> write.run());
    return parts(at, function, field, field);
  }

  private Component grouping(String at, ObjectNode widget) {
    String[] now = widget.path("groupBy").asText("").split(":", 2);
    ComboBox<String> field = new ComboBox<>(texts.apply("setup.property.groupBy"));
    field.setId(SchemaForm.id(at) + "-field");
    field.setClearButtonVisible(true);
    field.setItemLabelGenerator(name -> label(widget, name));
    offer(
        field,
        () -> fields(widget, (spec, type) -> spec.groupable() && groups(widget, spec, type)));
    Select<String> period = new Select<>();
    period.setId(SchemaForm.id(at) + "-period");
    period.setLabel(texts.apply("setup.widget.period"));
    period.setItems(PERIODS);
    period.setItemLabelGenerator(
        p -> texts.apply("setup.widget.period." + (p.isEmpty() ? "none" : p)));
    if (!now[0].isEmpty()) {
      field.setValue(now[0]);
    }
    period.setValue(now.length == 2 && PERIODS.contains(now[1]) ? now[1] : "");
    period.setVisible(dated(widget, field.getValue()));
    Runnable write =
        () -> {
          String name = field.getValue();
          if (name == null) {
            widget.remove("groupBy");
            return;
          }
          String by = period.isVisible() ? period.getValue() : "";
          widget.put("groupBy", by.isEmpty() ? name : name + ":" + by);
        };
    field.addValueChangeListener(
        e -> {
          period.setVisible(dated(widget, e.getValue()));
          write.run();
        });
    period.addValueChangeListener(e -> write.run());
    return parts(at, field, period, field);
  }

  /** Offers the names {@code names} gives, read again each time the box opens. */
  private void offer(ComboBox<String> box, java.util.function.Supplier<Map<String, String>> names) {
    Function<String, String> label = box.getItemLabelGenerator()::apply;
    Choices.offer(box, () -> List.copyOf(names.get().keySet()), label);
  }

  /**
   * The two parts side by side, as the form's editor at {@code at}: a refusal of the save at that
   * place shows at {@code shows}.
   */
  private static Parts parts(String at, Component first, Component second, HasValidation shows) {
    Parts parts = new Parts(shows);
    parts.add(first, second);
    parts.setId(SchemaForm.id(at));
    parts.setAlignItems(FlexComponent.Alignment.BASELINE);
    parts.addClassName("relata-widget-parts");
    return parts;
  }

  /** Parts of one value, whose problem shows at one of them. */
  private static final class Parts extends HorizontalLayout implements HasValidation {
    private final HasValidation shows;

    Parts(HasValidation shows) {
      this.shows = shows;
    }

    @Override
    public void setErrorMessage(String errorMessage) {
      shows.setErrorMessage(errorMessage);
    }

    @Override
    public String getErrorMessage() {
      return shows.getErrorMessage();
    }

    @Override
    public void setInvalid(boolean invalid) {
      shows.setInvalid(invalid);
    }

    @Override
    public boolean isInvalid() {
      return shows.isInvalid();
    }
  }

  /** The widget's object's fields whose type {@code takes}, with their labels. */
  private Map<String, String> fields(
      JsonNode widget, java.util.function.BiPredicate<FieldTypeSpec, FieldType> takes) {
    Map<String, String> found = new LinkedHashMap<>();
    model
        .object(widget.path("object").asText())
        .ifPresent(
            object -> {
              List<FieldDefinition> all = new java.util.ArrayList<>(object.fields());
              // the system fields a figure is about: its owner, its stage, when it came
              SystemFields.of(object).stream()
                  .filter(f -> !HIDDEN.contains(f.name()))
                  .forEach(all::add);
              all.stream()
                  .filter(f -> takes.test(FieldTypes.of(f.type()), f.type()))
                  .forEach(f -> found.put(f.name(), Labels.field(f)));
            });
    return found;
  }

  private String label(JsonNode widget, String name) {
    return field(widget, name).map(f -> Labels.field(f) + " (" + name + ")").orElse(name);
  }

  private boolean dated(JsonNode widget, String name) {
    return field(widget, name)
        .map(f -> FieldTypes.of(f.type()).valueType(f.type()).temporal())
        .orElse(false);
  }

  private Optional<FieldDefinition> field(JsonNode widget, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return model
        .object(widget.path("object").asText())
        .flatMap(object -> SystemFields.field(object, name));
  }
}
