package io.relata.ui.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.relata.metadata.definition.DefinitionReader;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.platform.record.RecordService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What an object's form knows beyond its meta-schema: the conditions it holds (validation rules,
 * stage guards, list-view filters, formulas) are checked as they are typed, against the object as
 * the form has it, and with the platform's own checker, so the errors are the ones a save would
 * give, at the same place; a condition can also be built by pointing; and a validation rule can be
 * tried on a stored record before it is saved. The names its texts refer to are offered as choices
 * ({@link ObjectNames}).
 */
final class ObjectAssist implements SchemaForm.Assist {

  private static final Pattern RULE = Pattern.compile("/validationRules/\\d+");
  private static final Pattern DEFAULT_VALUE = Pattern.compile("/fields/(\\d+)/defaultValue");

  private final Supplier<ObjectNode> document;
  private final Locale locale;
  private final RecordService records;
  private final boolean stored;
  private final ObjectNames names;

  /**
   * @param document the form's document as it is now
   * @param stored whether the object has a table yet: only then has it records to test a rule on
   */
  ObjectAssist(
      Supplier<ObjectNode> document,
      Locale locale,
      RecordService records,
      boolean stored,
      ObjectNames names) {
    this.document = document;
    this.locale = locale;
    this.records = records;
    this.stored = stored;
    this.names = names;
  }

  @Override
  public Optional<Supplier<Map<String, String>>> names(String pointer) {
    return names.at(pointer);
  }

  /** A field's default value as its type takes it: a number, yes or no, or text. */
  @Override
  public Optional<SchemaForm.ValueKind> valueKind(String pointer) {
    java.util.regex.Matcher at = DEFAULT_VALUE.matcher(pointer);
    if (!at.matches()) {
      return Optional.empty();
    }
    try {
      return FieldValueKinds.of(
          DefinitionReader.field(
              document.get().path("fields").path(Integer.parseInt(at.group(1)))));
    } catch (RuntimeException notYetATypedField) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> check(String pointer, String text) {
    return ConditionPlaces.check(
        DocumentKinds.OBJECTS, pointer, text, document::get, this::object, locale);
  }

  @Override
  public List<Component> tools(String pointer, HasValue<?, String> field) {
    return ConditionPlaces.tools(
        DocumentKinds.OBJECTS, pointer, field, document::get, this::object, locale);
  }

  @Override
  public List<Component> itemTools(String pointer, ObjectNode item) {
    if (!stored || !RULE.matcher(pointer).matches()) {
      return List.of();
    }
    Button test = new Button(VaadinIcon.FLASK.create());
    test.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    test.setText(test.getTranslation("setup.rule.test"));
    test.setId(SchemaForm.id(pointer) + "-test");
    test.addClickListener(
        e ->
            object()
                .ifPresent(
                    object ->
                        new RuleTestDialog(
                                object,
                                item.path("condition").asText(""),
                                item.path("message").asText(""),
                                records,
                                locale)
                            .open()));
    return List.of(test);
  }

  /** The object as the form has it now; empty while it is not whole enough to read. */
  private Optional<ObjectDefinition> object() {
    try {
      return Optional.of(DefinitionReader.object(document.get()));
    } catch (RuntimeException incomplete) {
      return Optional.empty();
    }
  }
}
