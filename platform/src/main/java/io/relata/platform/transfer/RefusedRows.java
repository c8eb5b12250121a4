package io.relata.platform.transfer;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.message.Messages;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.RowError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows an import refused, written back from its file as they were, with a last column saying
 * why: a file to correct and import again. Rows are counted as the import counts them (data rows
 * from 1, empty lines skipped), and read with the same options.
 */
final class RefusedRows {

  private RefusedRows() {}

  static void write(
      CompiledObject object,
      Path file,
      CsvOptions options,
      List<RowError> errors,
      Locale locale,
      OutputStream out)
      throws IOException {
    Map<Long, RowError> byRow = new HashMap<>();
    errors.forEach(e -> byRow.put(e.row(), e));
    try (InputStream in = Files.newInputStream(file)) {
      CsvSource.Reading reading = CsvSource.read(in, options);
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      // a byte-order mark: spreadsheet programs then read the file as UTF-8
      writer.write('\uFEFF');
      CSVPrinter printer =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(reading.layout().delimiter())
              .get()
              .print(writer);
      List<String> header = new ArrayList<>(reading.parser().getHeaderNames());
      header.add(Messages.text("import.refused-column", locale));
      printer.printRecord(header);
      long row = 0;
      try {
        for (CSVRecord record : reading.parser()) {
          RowError error = byRow.get(++row);
          if (error != null) {
            List<String> cells = new ArrayList<>(record.toList());
            while (cells.size() < header.size() - 1) {
              cells.add("");
            }
            cells.add(why(object, error, locale));
            printer.printRecord(cells);
          }
        }
      } catch (UncheckedIOException | IllegalStateException unreadable) {
        // the rows after a syntax or encoding error cannot be read back
      }
      printer.flush();
    }
  }

  /** Why a row was refused, in words: {@code field: message; ...}, in {@code locale}. */
  static String why(CompiledObject object, RowError error, Locale locale) {
    List<String> parts = new ArrayList<>();
    for (RowError.Detail detail : error.details()) {
      String field = detail.pointer().replaceFirst("^/", "").split("/")[0];
      String label = object.field(field).map(FieldDefinition::label).orElse(field);
      String message = Messages.text(detail.code(), locale, detail.args().toArray());
      parts.add(label.isEmpty() ? message : label + ": " + message);
    }
    return String.join("; ", parts);
  }
}
