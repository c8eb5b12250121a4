package io.relata.ui.record.editor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.vaadin.flow.component.combobox.ComboBox;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.query.RecordQuery;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reference with type-ahead: the records of the target object the user may read, by name (or the
 * active users, by display name); what is typed narrows the list on the server. A target the user
 * may not read offers nothing, so its records are never named here.
 */
final class LookupEditor {

  /** A record (or user) as a choice: its id and its name. */
  record Ref(String id, String name) implements Serializable {}

  private static final int SHOWN = 50;

  private LookupEditor() {}

  static FieldEditor records(EditorContext context, FieldDefinition field) {
    String target =
        field.type() instanceof FieldType.Lookup lookup
            ? lookup.target()
            : ((FieldType.MasterDetail) field.type()).target();
    ComboBox<Ref> box = new ComboBox<>();
    box.setItemLabelGenerator(Ref::name);
    Optional<ObjectDefinition> readable = context.view().readable(target);
    if (readable.isEmpty()) {
      box.setItems(List.<Ref>of());
    } else {
      ObjectDefinition object = readable.get();
      box.setItems(
          query -> {
            Optional<Expression> filter =
                contains(object.nameField(), query.getFilter().orElse(""));
            List<Ref> refs = new ArrayList<>();
            context
                .records()
                .list(
                    context.actor(),
                    target,
                    new RecordQuery(
                        filter,
                        Optional.empty(),
                        Optional.of(object.nameField()),
                        Optional.of(List.of("id", object.nameField())),
                        SHOWN,
                        Optional.empty(),
                        List.of(),
                        false),
                    false)
                .items()
                .forEach(
                    item ->
                        refs.add(
                            new Ref(
                                item.path("id").asText(), item.path(object.nameField()).asText())));
            return refs.stream().skip(query.getOffset()).limit(query.getLimit());
          });
    }
    FieldEditor editor = bound(field, box);
    if (readable.isPresent()
        && context.creator().isPresent()
        && context.view().access(readable.get()).rights().create()) {
      return new Creating(editor, readable.get(), context.creator().get());
    }
    return editor;
  }

  static FieldEditor users(EditorContext context, FieldDefinition field) {
    ComboBox<Ref> box = new ComboBox<>();
    box.setItemLabelGenerator(Ref::name);
    // the server narrows what is typed: names of active users only, a page at a time
    box.setItems(
        query ->
            context.users().pickable(query.getFilter().orElse(""), SHOWN).stream()
                .map(user -> new Ref(user.id().toString(), user.name()))
                .skip(query.getOffset())
                .limit(query.getLimit()));
    return bound(field, box);
  }

  private static FieldEditor bound(FieldDefinition field, ComboBox<Ref> box) {
    box.setClearButtonVisible(true);
    return new Bound<>(
        field,
        box,
        json ->
            new Ref(
                json.isObject() ? json.path("id").asText() : json.asText(),
                json.path("name").isTextual()
                    ? json.path("name").asText()
                    : io.relata.ui.format.Values.unseen()),
        ref -> JsonNodeFactory.instance.textNode(ref.id()));
  }

  /** {@code field contains "typed"}, or nothing when nothing was typed. */
  private static Optional<Expression> contains(String field, String typed) {
    if (typed.isBlank()) {
      return Optional.empty();
    }
    String quoted = typed.strip().replace("\\", "\\\\").replace("\"", "\\\"");
    try {
      return Optional.of(ConditionParser.parse(field + " contains \"" + quoted + "\""));
    } catch (ConditionException e) {
      return Optional.empty();
    }
  }
}
