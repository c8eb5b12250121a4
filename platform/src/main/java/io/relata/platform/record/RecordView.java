package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.type.FieldTypes;
import io.relata.platform.json.JsonCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A record as the client sees it: a flat JSON object of its fields by name, system fields included
 * ({@code deleted_at} only in the recycle bin), limited to the requested fields ({@code id}
 * always), with expanded references in place of ids.
 */
final class RecordView {

  private RecordView() {}

  static ObjectNode of(
      CompiledObject object,
      Map<String, Object> values,
      Optional<List<String>> fields,
      Map<String, Map<UUID, ObjectNode>> expanded) {
    ObjectNode json = JsonCodec.object();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      String name = entry.getKey();
      boolean wanted = name.equals("id") || fields.isEmpty() || fields.get().contains(name);
      if (!wanted || (name.equals("deleted_at") && entry.getValue() == null)) {
        continue;
      }
      Map<UUID, ObjectNode> references = expanded.isEmpty() ? null : expanded.get(name);
      if (references != null && entry.getValue() instanceof UUID id) {
        JsonNode reference = references.get(id);
        json.set(
            name,
            reference == null
                ? JsonCodec.object().put("id", id.toString()).putNull("name")
                : reference);
      } else {
        json.set(name, JsonCodec.value(entry.getValue()));
      }
    }
    return json;
  }

  /** Whether {@code name} can be listed in {@code fields=}. */
  static boolean known(CompiledObject object, String name) {
    return object.field(name).isPresent() || currencyColumn(object, name);
  }

  private static boolean currencyColumn(CompiledObject object, String name) {
    return object.columns().stream().anyMatch(c -> c.name().equals(name));
  }

  /** Whether {@code field} can be expanded: a reference to a record or a user. */
  static boolean expandable(FieldDefinition field) {
    return FieldTypes.of(field.type()).reference() && !field.name().equals("id");
  }
}
