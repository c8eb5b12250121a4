package io.relata.platform.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.ImportRow;
import io.relata.platform.record.RowError;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file, read as they arrive. The encoding is the byte-order mark's, else UTF-8 if
 * the start of the file is valid UTF-8, else Windows-1252 (what Excel writes as "CSV" on Nordic
 * Windows); the delimiter is whichever of {@code , ; tab} the header line uses most ({@code |} when
 * given); a semicolon file takes decimal commas, as Excel writes it where the comma is the decimal
 * sign. Each may be given instead. Headers map to fields by name, label or an explicit mapping.
 */
final class CsvSource implements Iterator<ImportRow> {

  private static final int SAMPLE = 64 * 1024;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final Iterator<CSVRecord> records;
  private final List<Column> columns;
  private final boolean decimalComma;
  private long number;
  private boolean broken;

  /** A header's field: its name in the record and how its cells convert. */
  private record Column(int index, String name, FieldType type) {}

  private CsvSource(Iterator<CSVRecord> records, List<Column> columns, boolean decimalComma) {
    this.records = records;
    this.columns = columns;
    this.decimalComma = decimalComma;
  }

  /** How a file is read: its encoding, delimiter and decimal sign, given or detected. */
  record Layout(Charset encoding, char delimiter, boolean decimalComma) {}

  /** A file being read: its layout, and its parser positioned after the header line. */
  record Reading(Layout layout, CSVParser parser) {}

  static CsvSource open(InputStream body, CompiledObject object, CsvOptions options)
      throws IOException {
    Reading reading = read(body, options);
    return new CsvSource(
        reading.parser().iterator(),
        columns(reading.parser().getHeaderNames(), object, options.mapping()),
        reading.layout().decimalComma());
  }

  /**
   * Starts reading {@code body}: the encoding is the byte-order mark's or the given one, else
   * detected, as are the delimiter and decimal sign; the header line is read. 400 when there is
   * none.
   */
  static Reading read(InputStream body, CsvOptions options) throws IOException {
    BufferedInputStream in = new BufferedInputStream(body, SAMPLE);
    in.mark(SAMPLE);
    byte[] sample = in.readNBytes(SAMPLE);
    in.reset();
    int bom = 0;
    Charset charset;
    if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (startsWith(sample, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (startsWith(sample, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else {
      charset =
          options.encoding().orElseGet(() -> utf8(sample) ? StandardCharsets.UTF_8 : WINDOWS_1252);
    }
    in.skipNBytes(bom);
    String start = new String(sample, bom, sample.length - bom, charset);
    char delimiter = options.delimiter().orElseGet(() -> delimiter(firstLine(start)));
    boolean decimalComma = options.decimalComma().orElse(delimiter == ';');
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    Reader reader = new InputStreamReader(in, decoder);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(false)
            .get();
    CSVParser parser;
    try {
      parser = CSVParser.parse(reader, format);
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      throw refused("", "import.csv-header", List.of());
    }
    List<String> headers = parser.getHeaderNames();
    if (headers.isEmpty()) {
      throw refused("", "import.csv-header", List.of());
    }
    // a column is mapped by its header: two of one name could not be told apart
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < headers.size(); i++) {
      if (!seen.add(headers.get(i))) {
        throw refused("header/" + i, "import.header-twice", List.of(headers.get(i)));
      }
    }
    return new Reading(new Layout(charset, delimiter, decimalComma), parser);
  }

  private static List<Column> columns(
      List<String> headers, CompiledObject object, Map<String, String> mapping) {
    List<Column> columns = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    Set<String> mapped = new HashSet<>();
    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i);
      Optional<String> name =
          Optional.ofNullable(mapping.get(header)).or(() -> field(object, header));
      if (name.isPresent() && name.get().isEmpty()) {
        continue; // mapped to nothing: ignored
      }
      if (name.isEmpty() || !writable(object, name.get())) {
        violations.add(new Violation("header/" + i, "import.unknown-column", List.of(header)));
      } else if (!mapped.add(name.get())) {
        violations.add(new Violation("header/" + i, "import.column-twice", List.of(name.get())));
      } else {
        FieldType type =
            object
                .field(name.get())
                .map(f -> f.type())
                .orElse(new FieldType.Text(FieldType.Text.DEFAULT_MAX_LENGTH, Optional.empty()));
        columns.add(new Column(i, name.get(), type));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return columns;
  }

  /**
   * The field a header names: by name, else by label (case-insensitive), else a currency column.
   */
  static Optional<String> field(CompiledObject object, String header) {
    String wanted = header.strip();
    if (object.field(wanted).isPresent()) {
      return Optional.of(wanted);
    }
    for (FieldDefinition field : object.definition().fields()) {
      if (field.label().equalsIgnoreCase(wanted)) {
        return Optional.of(field.name());
      }
    }
    return object.definition().fields().stream()
        .map(f -> io.relata.metadata.schema.RecordSchema.currencyOf(f.name()))
        .filter(wanted::equals)
        .findFirst();
  }

  static boolean writable(CompiledObject object, String name) {
    Optional<FieldDefinition> field = object.field(name);
    if (field.isEmpty()) {
      return name.endsWith("_currency");
    }
    boolean system = io.relata.metadata.definition.SystemFields.NAMES.contains(name);
    return !field.get().type().computed() && (!system || name.equals("stage"));
  }

  @Override
  public boolean hasNext() {
    return !broken && records.hasNext();
  }

  @Override
  public ImportRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    number++;
    CSVRecord record;
    try {
      record = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      broken = true; // the parser cannot go on after a syntax or encoding error
      String code =
          e.getCause() instanceof CharacterCodingException
              ? "import.encoding"
              : "import.csv-syntax";
      return new ImportRow(number, null, List.of(new RowError.Detail("", code, List.of())));
    }
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    for (Column column : columns) {
      String cell = column.index() < record.size() ? record.get(column.index()) : "";
      JsonNode value = CellValues.json(column.type(), cell, decimalComma);
      if (value != null) {
        values.set(column.name(), value);
      }
    }
    return ImportRow.of(number, values);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the sample is valid UTF-8, but for a character cut off at its end. */
  private static boolean utf8(byte[] sample) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int cut = 0; cut <= 3 && cut <= sample.length; cut++) {
      try {
        decoder.reset().decode(ByteBuffer.wrap(sample, 0, sample.length - cut));
        return true;
      } catch (CharacterCodingException e) {
        if (sample.length < SAMPLE) {
          return false; // the whole file was read: nothing was cut off
        }
      }
    }
    return false;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** The candidate that occurs most often outside quotes; a comma when none does. */
  private static char delimiter(String header) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  private static InvalidRequestException refused(String pointer, String code, List<Object> args) {
    return new InvalidRequestException(List.of(new Violation(pointer, code, args)));
  }
}
