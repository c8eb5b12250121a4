package io.relata.platform.record;

import java.util.List;

/** Why one row of an import was not written: each problem at a field of the record. */
public record RowError(long row, List<Detail> details) {

  public RowError {
    details = List.copyOf(details);
  }

  /** One problem: a JSON pointer into the record, a message code and its arguments. */
  public record Detail(String pointer, String code, List<Object> args) {
    public Detail {
      args = List.copyOf(args);
    }
  }
}
