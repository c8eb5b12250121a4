package io.relata.metadata.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.Pipeline.StageCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an object document into an {@link ObjectDefinition}. It trusts the structure: call it only
 * on documents the meta-schema accepted ({@link io.relata.metadata.schema.MetaSchema}), and it
 * fills in the documented defaults.
 */
public final class DefinitionReader {

  private DefinitionReader() {}

  public static ObjectDefinition object(JsonNode doc) {
    String label = doc.get("label").asText();
    return new ObjectDefinition(
        doc.get("name").asText(),
        label,
        text(doc, "pluralLabel").orElse(label),
        text(doc, "description"),
        enumValue(doc, "recordAccess", RecordAccess.class).orElse(RecordAccess.PRIVATE),
        doc.get("nameField").asText(),
        list(doc, "fields", DefinitionReader::field),
        Optional.ofNullable(doc.get("pipeline")).map(DefinitionReader::pipeline),
        list(doc, "validationRules", DefinitionReader::validationRule),
        list(doc, "layouts", DefinitionReader::layout),
        list(doc, "listViews", DefinitionReader::listView),
        Translations.read(doc.get("labels")),
        Translations.read(doc.get("pluralLabels")),
        revision(doc));
  }

  /** A field of an object document, as {@link #object} reads it. */
  public static FieldDefinition field(JsonNode f) {
    return new FieldDefinition(
        f.get("name").asText(),
        f.get("label").asText(),
        text(f, "description"),
        text(f, "helpText"),
        type(f),
        flag(f, "required", false),
        flag(f, "unique", false),
        flag(f, "indexed", false),
        Optional.ofNullable(f.get("defaultValue")).map(JsonNode::toString),
        flag(f, "personal", false),
        flag(f, "trackHistory", false),
        text(f, "renamedFrom"),
        Translations.read(f.get("labels")),
        revision(f));
  }

  private static FieldType type(JsonNode f) {
    String id = f.get("type").asText();
    Optional<FieldKind> known = FieldKind.of(id);
    if (known.isEmpty()) {
      return new FieldType.Plugin(id, f.path("options").deepCopy());
    }
    return switch (known.get()) {
      case TEXT ->
          new FieldType.Text(
              integer(f, "maxLength").orElse(FieldType.Text.DEFAULT_MAX_LENGTH),
              text(f, "pattern"));
      case LONG_TEXT ->
          new FieldType.LongText(
              integer(f, "maxLength").orElse(FieldType.LongText.DEFAULT_MAX_LENGTH));
      case RICH_TEXT ->
          new FieldType.RichText(
              integer(f, "maxLength").orElse(FieldType.LongText.DEFAULT_MAX_LENGTH));
      case NUMBER ->
          new FieldType.Number(
              integer(f, "precision").orElse(18),
              integer(f, "scale").orElse(0),
              decimal(f, "min"),
              decimal(f, "max"));
      case CURRENCY ->
          new FieldType.Currency(
              integer(f, "precision").orElse(18),
              integer(f, "scale").orElse(2),
              decimal(f, "min"),
              decimal(f, "max"),
              text(f, "currency"),
              flag(f, "perRecord", false));
      case PERCENT ->
          new FieldType.Percent(
              integer(f, "precision").orElse(5),
              integer(f, "scale").orElse(2),
              decimal(f, "min"),
              decimal(f, "max"));
      case BOOLEAN -> new FieldType.Bool();
      case DATE -> new FieldType.Date();
      case DATETIME -> new FieldType.DateTime();
      case EMAIL -> new FieldType.Email();
      case PHONE -> new FieldType.Phone();
      case URL -> new FieldType.Url();
      case PICKLIST -> new FieldType.Picklist(list(f, "values", DefinitionReader::picklistValue));
      case MULTI_PICKLIST ->
          new FieldType.MultiPicklist(list(f, "values", DefinitionReader::picklistValue));
      case LOOKUP ->
          new FieldType.Lookup(
              f.get("target").asText(),
              enumValue(f, "onDelete", OnDelete.class).orElse(OnDelete.RESTRICT));
      case MASTER_DETAIL -> new FieldType.MasterDetail(f.get("target").asText());
      case ABOUT -> new FieldType.About();
      case USER -> new FieldType.User();
      case AUTO_NUMBER ->
          new FieldType.AutoNumber(
              f.get("format").asText(), f.has("start") ? f.get("start").asLong() : 1L);
      case FORMULA ->
          new FieldType.Formula(
              f.get("expression").asText(),
              enumValue(f, "resultType", FormulaResult.class).orElseThrow(),
              integer(f, "scale").orElse(2));
      case ROLL_UP ->
          new FieldType.RollUp(
              f.get("object").asText(),
              f.get("relation").asText(),
              enumValue(f, "function", RollUpFunction.class).orElseThrow(),
              text(f, "field"));
      case STAGE -> new FieldType.Stage();
      case JSON -> new FieldType.Json();
      case PLUGIN -> throw new IllegalStateException("a plugin's type has its own name: " + id);
    };
  }

  private static PicklistValue picklistValue(JsonNode v) {
    return new PicklistValue(
        v.get("name").asText(),
        v.get("label").asText(),
        text(v, "colour"),
        flag(v, "active", true),
        Translations.read(v.get("labels")));
  }

  private static Pipeline pipeline(JsonNode p) {
    return new Pipeline(
        list(
            p,
            "stages",
            s ->
                new Pipeline.Stage(
                    s.get("name").asText(),
                    s.get("label").asText(),
                    s.get("probability").asInt(),
                    enumValue(s, "category", StageCategory.class).orElseThrow(),
                    text(s, "colour"),
                    list(s, "requiredFields", JsonNode::asText),
                    list(s, "next", JsonNode::asText),
                    Translations.read(s.get("labels")),
                    Optional.ofNullable(s.get("guard"))
                        .map(
                            g ->
                                new Pipeline.Guard(
                                    g.get("condition").asText(), g.get("message").asText())))));
  }

  private static ValidationRule validationRule(JsonNode r) {
    return new ValidationRule(
        r.get("name").asText(),
        r.get("condition").asText(),
        r.get("message").asText(),
        text(r, "field"),
        flag(r, "active", true));
  }

  private static Layout layout(JsonNode l) {
    return new Layout(
        l.get("name").asText(),
        l.get("label").asText(),
        list(
            l,
            "sections",
            s ->
                new Layout.Section(
                    s.get("label").asText(),
                    Translations.read(s.get("labels")),
                    integer(s, "columns").orElse(2),
                    list(s, "fields", JsonNode::asText))),
        list(
            l,
            "relatedLists",
            r ->
                new Layout.RelatedList(
                    r.get("object").asText(),
                    r.get("relation").asText(),
                    list(r, "columns", JsonNode::asText))));
  }

  private static ListView listView(JsonNode v) {
    return new ListView(
        v.get("name").asText(),
        v.get("label").asText(),
        Translations.read(v.get("labels")),
        list(v, "columns", JsonNode::asText),
        text(v, "filter"),
        list(v, "sort", JsonNode::asText),
        !"personal".equals(v.path("visibility").asText("shared")));
  }

  private static <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> read) {
    List<T> items = new ArrayList<>();
    node.path(name).forEach(item -> items.add(read.apply(item)));
    return items;
  }

  private static Optional<String> text(JsonNode node, String name) {
    return Optional.ofNullable(node.get(name)).map(JsonNode::asText);
  }

  private static Optional<Long> revision(JsonNode node) {
    return Optional.ofNullable(node.get("restoredFrom")).map(JsonNode::asLong);
  }

  private static Optional<Integer> integer(JsonNode node, String name) {
    return Optional.ofNullable(node.get(name)).map(JsonNode::asInt);
  }

  private static Optional<BigDecimal> decimal(JsonNode node, String name) {
    return Optional.ofNullable(node.get(name)).map(JsonNode::decimalValue);
  }

  private static boolean flag(JsonNode node, String name, boolean otherwise) {
    JsonNode value = node.get(name);
    return value == null ? otherwise : value.asBoolean();
  }

  /** {@code read-write} → {@code READ_WRITE}. */
  private static <E extends Enum<E>> Optional<E> enumValue(
      JsonNode node, String name, Class<E> type) {
    return text(node, name)
        .map(v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_')));
  }
}
