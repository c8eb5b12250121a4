package io.relata.platform.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.message.Messages;
import java.util.List;
import java.util.Locale;

/**
 * Why one row of an import (or one record of a bulk operation) was not written: each problem at a
 * field of the record.
 */
public record RowError(long row, List<Detail> details) {

  public RowError {
    details = List.copyOf(details);
  }

  /** The problems as a client reads them: pointer, code and message, in {@code locale}. */
  public static ArrayNode json(List<Detail> details, Locale locale) {
    ArrayNode json = JsonCodec.NODES.arrayNode();
    for (Detail detail : details) {
      json.addObject()
          .put("pointer", detail.pointer())
          .put("code", detail.code())
          .put("message", Messages.text(detail.code(), locale, detail.args().toArray()));
    }
    return json;
  }

  /** One problem: a JSON pointer into the record, a message code and its arguments. */
  public record Detail(String pointer, String code, List<Object> args) {
    public Detail {
      args = List.copyOf(args);
    }
  }
}
