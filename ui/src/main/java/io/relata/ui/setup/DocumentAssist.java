package io.relata.ui.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.model.CompiledModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the form of a document of any kind but an object and a permission set knows beyond its
 * meta-schema: the names it refers to, as choices ({@link DocumentNames}); its conditions, checked
 * as they are typed against the object the document (or a dashboard widget) is about and built by
 * pointing ({@link ConditionPlaces}); its scripts, parsed as they are typed by the script runner;
 * an action's field values kept as their fields take them; a dashboard widget's measure and
 * grouping ({@link WidgetParts}) and an app's icon ({@link IconPicker}) chosen.
 */
final class DocumentAssist implements SchemaForm.Assist {

  /** Where an automation holds a script: a script action's source. */
  private static final Pattern SCRIPT = Pattern.compile("/actions/\\d+/source");

  private final DocumentKind kind;
  private final Supplier<ObjectNode> document;
  private final CompiledModel model;
  private final Locale locale;
  private final DocumentNames names;
  private final Function<String, Optional<String>> scripts;
  private final WidgetParts widgets;
  private final Function<String, String> texts;

  /**
   * @param scripts why a script's source does not parse, in words; empty when it parses
   * @param texts the screen's texts by key
   */
  DocumentAssist(
      DocumentKind kind,
      Supplier<ObjectNode> document,
      CompiledModel model,
      Locale locale,
      DocumentNames names,
      Function<String, Optional<String>> scripts,
      Function<String, String> texts) {
    this.kind = kind;
    this.document = document;
    this.model = model;
    this.locale = locale;
    this.names = names;
    this.scripts = scripts;
    this.widgets = new WidgetParts(model, texts);
    this.texts = texts;
  }

  @Override
  public Optional<Supplier<Map<String, String>>> names(String pointer) {
    if (kind == DocumentKinds.DASHBOARDS) {
      Optional<Supplier<Map<String, String>>> series = widgets.names(pointer, document::get);
      if (series.isPresent()) {
        return series;
      }
    }
    return names.names(pointer);
  }

  /** A value in an action as the field it sets takes it: a number, yes or no, or text. */
  @Override
  public Optional<SchemaForm.ValueKind> valueKind(String pointer) {
    // a list or any JSON (a plugin's type): what was typed decides
    return names.valueField(pointer).flatMap(FieldValueKinds::of);
  }

  @Override
  public Optional<Component> editor(String pointer, ObjectNode parent) {
    if (kind == DocumentKinds.APPS && pointer.equals("/icon")) {
      return Optional.of(
          new IconPicker(texts.apply("setup.property.icon"), SchemaForm.id(pointer), parent));
    }
    return kind == DocumentKinds.DASHBOARDS ? widgets.editor(pointer, parent) : Optional.empty();
  }

  @Override
  public Optional<String> check(String pointer, String text) {
    if (kind == DocumentKinds.AUTOMATIONS && SCRIPT.matcher(pointer).matches()) {
      return scripts.apply(text);
    }
    return ConditionPlaces.check(kind, pointer, text, document::get, () -> object(pointer), locale);
  }

  @Override
  public List<Component> tools(String pointer, HasValue<?, String> field) {
    return ConditionPlaces.tools(
        kind, pointer, field, document::get, () -> object(pointer), locale);
  }

  /**
   * The object the text at {@code pointer} is about, as the model has it: a dashboard widget's own,
   * else the document's.
   */
  private Optional<ObjectDefinition> object(String pointer) {
    if (kind == DocumentKinds.DASHBOARDS) {
      return widgets.object(pointer, document.get());
    }
    return model.object(document.get().path("object").asText(""));
  }
}
