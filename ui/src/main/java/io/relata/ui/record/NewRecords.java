package io.relata.ui.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.json.JsonCodec;
import java.util.Map;

/** What a new record's form starts with. */
final class NewRecords {

  private NewRecords() {}

  /** The defaults of the object's fields, then the values given for known fields. */
  static ObjectNode initial(ObjectDefinition object, Map<String, String> given) {
    ObjectNode record = JsonCodec.object();
    for (FieldDefinition field : object.fields()) {
      field.defaultValue().ifPresent(d -> record.set(field.name(), JsonCodec.parse(d)));
      String value = given.get(field.name());
      if (value != null) {
        record.put(field.name(), value);
      }
    }
    return record;
  }
}
