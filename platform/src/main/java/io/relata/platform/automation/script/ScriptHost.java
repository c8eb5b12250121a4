package io.relata.platform.automation.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a running script may ask of the platform, answered on the thread that runs it (in its
 * write's transaction): records as the acting user may read them, and records to create.
 */
public interface ScriptHost {

  /** Up to {@code limit} records of {@code object} that meet {@code condition} (all when null). */
  ArrayNode query(String object, String condition, int limit) throws Exception;

  /** Creates a record of {@code object}; answers it as stored. */
  JsonNode create(String object, ObjectNode values) throws Exception;

  /** A host that refuses every call: for a script that may only read and change its record. */
  ScriptHost NONE =
      new ScriptHost() {
        @Override
        public ArrayNode query(String object, String condition, int limit) {
          throw new IllegalStateException("this script may not query records");
        }

        @Override
        public JsonNode create(String object, ObjectNode values) {
          throw new IllegalStateException("this script may not create records");
        }
      };
}
