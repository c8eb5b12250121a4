package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One row of an import, read from its file.
 *
 * @param number the row's position among the file's data rows, from 1
 * @param values the record as JSON, as if it had been sent to {@code POST}; or {@code null} when
 *     the row could not be read at all, with {@code problems} saying why
 */
public record ImportRow(long number, JsonNode values, List<RowError.Detail> problems) {

  public ImportRow {
    problems = List.copyOf(problems);
  }

  public static ImportRow of(long number, JsonNode values) {
    return new ImportRow(number, values, List.of());
  }
}
