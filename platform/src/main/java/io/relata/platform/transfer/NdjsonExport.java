package io.relata.platform.transfer;

import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.RecordLists;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records as NDJSON, one record per line in the API's record shape, written as they are read. */
final class NdjsonExport implements RecordLists.Sink {

  private final OutputStream out;
  private CompiledObject object;
  private List<String> fields;

  NdjsonExport(OutputStream out) {
    this.out = out;
  }

  @Override
  public void start(CompiledObject object, List<String> fields) {
    this.object = object;
    this.fields = fields;
  }

  @Override
  public void record(Map<String, Object> values) throws IOException {
    String line = JsonCodec.text(RecordLists.view(object, values, Optional.of(fields)));
    out.write(line.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }
}
