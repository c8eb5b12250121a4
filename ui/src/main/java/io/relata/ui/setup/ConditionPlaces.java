package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.problem.Problem;
import io.relata.platform.message.Messages;
import io.relata.ui.list.FilterBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where texts in the one condition language sit in each kind's documents, and what they may refer
 * to there (the scopes the metadata compilers check them in): so that a form checks a condition as
 * it is typed, with the platform's own checker, and offers to build it by pointing.
 */
final class ConditionPlaces {

  /** Conditions (and formulas, which are expressions: never built by pointing). */
  private static final Map<DocumentKind, Map<Pattern, Scope>> PLACES =
      Map.of(
          DocumentKinds.OBJECTS,
          Map.of(
              Pattern.compile("/validationRules/\\d+/condition"), Scope.WRITE,
              Pattern.compile("/pipeline/stages/\\d+/guard/condition"), Scope.WRITE,
              Pattern.compile("/listViews/\\d+/filter"), Scope.QUERY,
              Pattern.compile("/fields/\\d+/expression"), Scope.RECORD),
          DocumentKinds.SHARING_RULES,
          Map.of(Pattern.compile("/criteria"), Scope.QUERY),
          DocumentKinds.ASSIGNMENT_RULES,
          Map.of(Pattern.compile("/rules/\\d+/condition"), Scope.RECORD),
          DocumentKinds.SCORING_MODELS,
          Map.of(Pattern.compile("/fit/\\d+/condition"), Scope.RECORD),
          DocumentKinds.SLA_POLICIES,
          Map.of(Pattern.compile("/(pauseWhen|stopWhen)"), Scope.RECORD),
          DocumentKinds.APPROVAL_PROCESSES,
          Map.of(Pattern.compile("/condition"), Scope.RECORD),
          DocumentKinds.DASHBOARDS,
          Map.of(Pattern.compile("/widgets/\\d+/filter"), Scope.QUERY));

  /**
   * An automation's condition: what the write changed only on a record trigger. Its actions'
   * formulas are offered as the record's fields ({@link DocumentNames}), checked when saved.
   */
  private static final Pattern AUTOMATION = Pattern.compile("/condition");

  private static final Pattern FORMULA = Pattern.compile(".*/(expression|formulas/[^/]+)");

  private ConditionPlaces() {}

  /**
   * The scope of the condition at {@code pointer} of the document; empty for other texts.
   *
   * @param document the document as it is now, read only where the scope depends on it (an
   *     automation's trigger): a form asks while it is being drawn
   */
  static Optional<Scope> scope(DocumentKind kind, String pointer, Supplier<JsonNode> document) {
    if (kind == DocumentKinds.AUTOMATIONS) {
      return AUTOMATION.matcher(pointer).matches()
          ? Optional.of(
              document.get().path("trigger").path("type").asText().equals("record")
                  ? Scope.WRITE
                  : Scope.RECORD)
          : Optional.empty();
    }
    return PLACES.getOrDefault(kind, Map.of()).entrySet().stream()
        .filter(e -> e.getKey().matcher(pointer).matches())
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * Why the text at {@code pointer} does not check against the object the document is about, in the
   * scope of its place; empty when it does, or when it is no condition or the object is not known
   * yet.
   */
  static Optional<String> check(
      DocumentKind kind,
      String pointer,
      String text,
      Supplier<JsonNode> document,
      Supplier<Optional<ObjectDefinition>> object,
      Locale locale) {
    Optional<Scope> scope = scope(kind, pointer, document);
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    boolean test = !FORMULA.matcher(pointer).matches();
    return object.get().flatMap(found -> problem(text, test, found, scope.get(), locale));
  }

  /** The builder's button beside the text at {@code pointer}, when it is a condition. */
  static List<Component> tools(
      DocumentKind kind,
      String pointer,
      HasValue<?, String> field,
      Supplier<JsonNode> document,
      Supplier<Optional<ObjectDefinition>> object,
      Locale locale) {
    if (scope(kind, pointer, document).isEmpty()) {
      return List.of();
    }
    return build(pointer, field, object, locale);
  }

  /**
   * Why {@code text} does not check against {@code object} in {@code scope}; empty when it does. A
   * condition ({@code test}) must also be true or false, as on save; a formula may be any value.
   */
  private static Optional<String> problem(
      String text, boolean test, ObjectDefinition object, Scope scope, Locale locale) {
    try {
      if (test) {
        ConditionChecker.condition(ConditionParser.parse(text), object, scope);
      } else {
        ConditionChecker.check(text, object, scope);
      }
      return Optional.empty();
    } catch (ConditionException e) {
      Problem problem = e.problem("");
      return Optional.of(Messages.text(problem.code(), locale, problem.args().toArray()));
    }
  }

  /**
   * The "Build" button beside a condition at {@code pointer}, which opens the builder over the
   * object it is about and writes the built condition into {@code field}; none for a formula.
   */
  private static List<Component> build(
      String pointer,
      HasValue<?, String> field,
      Supplier<Optional<ObjectDefinition>> object,
      Locale locale) {
    if (FORMULA.matcher(pointer).matches()) {
      return List.of(); // a formula is a value, not a condition of tests
    }
    Button build = new Button(VaadinIcon.FILTER.create());
    build.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    build.setText(build.getTranslation("setup.condition.build"));
    build.setId(SchemaForm.id(pointer) + "-build");
    build.addClickListener(
        e ->
            object
                .get()
                .ifPresent(
                    found ->
                        new FilterBuilder(found, locale, field.getValue(), field::setValue)
                            .open()));
    return List.of(build);
  }
}
