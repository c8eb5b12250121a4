package io.relata.platform.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;

/**
 * A record as stored, with its formulas computed.
 *
 * @param values by field name, system fields included
 * @param json the record as the client sees it
 */
public record StoredRecord(String object, Map<String, Object> values, ObjectNode json) {

  public UUID id() {
    return (UUID) values.get("id");
  }

  /** The record's version, which is also its {@code ETag}. */
  public long version() {
    return ((Number) values.get("version")).longValue();
  }
}
