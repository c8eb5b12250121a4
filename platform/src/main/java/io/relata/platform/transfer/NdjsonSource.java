package io.relata.platform.transfer;

import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.ImportRow;
import io.relata.platform.record.RowError;
import io.relata.platform.rest.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of an NDJSON file: one JSON object per line, read as they arrive. A line that is not
 * JSON (or longer than {@value #MAX_LINE} bytes) is a refused row; the next line is read as usual.
 */
final class NdjsonSource implements Iterator<ImportRow> {

  static final int MAX_LINE = 1024 * 1024;

  private final InputStream in;
  private long number;
  private byte[] line;
  private boolean tooLong;
  private boolean ended;

  NdjsonSource(InputStream in) {
    this.in = in;
  }

  @Override
  public boolean hasNext() {
    if (line == null && !ended) {
      advance();
    }
    return line != null;
  }

  @Override
  public ImportRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    byte[] current = line;
    boolean overlong = tooLong;
    line = null;
    number++;
    if (overlong) {
      return refused("import.line-too-long");
    }
    try {
      return ImportRow.of(number, JsonCodec.read(new ByteArrayInputStream(current), MAX_LINE));
    } catch (ProblemException e) {
      return refused("import.json-line");
    }
  }

  private ImportRow refused(String code) {
    return new ImportRow(number, null, List.of(new RowError.Detail("", code, List.of())));
  }

  /** Reads the next non-blank line, keeping at most {@value #MAX_LINE} bytes of it. */
  private void advance() {
    try {
      while (true) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean overlong = false;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
          if (buffer.size() < MAX_LINE) {
            buffer.write(b);
          } else {
            overlong = true;
          }
        }
        if (b < 0 && buffer.size() == 0) {
          ended = true;
          return;
        }
        byte[] bytes = buffer.toByteArray();
        if (!new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
          line = bytes;
          tooLong = overlong;
          return;
        }
        if (b < 0) {
          ended = true;
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
