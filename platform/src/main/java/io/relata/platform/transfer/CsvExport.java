package io.relata.platform.transfer;

import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.RecordLists;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Records as CSV, written as they are read. Text that a spreadsheet would run as a formula (a cell
 * starting with {@code = + - @}, tab or carriage return) is prefixed with {@code '}, which the
 * importer removes again. Every cell is quoted: a spreadsheet that splits on another delimiter
 * (Excel in the Nordics splits a comma-separated file on {@code ;}) then still sees one cell, and a
 * {@code ;=...} inside a value cannot start a cell of its own, let alone a formula. With a
 * semicolon delimiter numbers take a decimal comma, as the import expects; multi-picklist values
 * are joined with {@code ;}.
 */
public final class CsvExport implements RecordLists.Sink {

  private final Writer writer;
  private final char delimiter;
  private CSVPrinter printer;
  private List<String> fields;

  public CsvExport(OutputStream out, char delimiter, boolean bom) throws IOException {
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.delimiter = delimiter;
    if (bom) {
      writer.write('\uFEFF');
    }
  }

  @Override
  public void start(CompiledObject object, List<String> fields) throws IOException {
    this.fields = fields;
    printer =
        new CSVPrinter(
            writer,
            CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setQuoteMode(QuoteMode.ALL)
                .setRecordSeparator("\r\n")
                .get());
    printer.printRecord(fields);
  }

  @Override
  public void record(Map<String, Object> values) throws IOException {
    List<String> cells = new ArrayList<>(fields.size());
    for (String field : fields) {
      cells.add(cell(values.get(field)));
    }
    printer.printRecord(cells);
  }

  /** Ends the file; the caller closes the stream. */
  public void finish() throws IOException {
    if (printer != null) {
      printer.flush();
    }
    writer.flush();
  }

  private String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      String plain = number.toPlainString();
      return delimiter == ';' ? plain.replace('.', ',') : plain;
    }
    if (value instanceof OffsetDateTime instant) {
      return instant
          .withOffsetSameInstant(ZoneOffset.UTC)
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    if (value instanceof List<?> list) {
      return neutralised(String.join(";", list.stream().map(String::valueOf).toList()));
    }
    if (value instanceof String text) {
      return neutralised(text);
    }
    if (value instanceof com.fasterxml.jackson.databind.JsonNode json) {
      return neutralised(io.relata.platform.json.JsonCodec.text(json));
    }
    return value.toString();
  }

  /** OWASP's advice for CSV injection: a leading quote makes the cell text in every spreadsheet. */
  static String neutralised(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
