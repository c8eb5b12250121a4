package io.relata.platform.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvExportTest {

  @Test
  void aDelimiterOfAnotherLocaleCannotStartAFormulaCell() throws Exception {
    assertEquals(
        "\"title\",\"amount\"\r\n\"Plain;=HYPERLINK(\"\"http://evil\"\")\",\"12.50\"\r\n",
        export(',', "Plain;=HYPERLINK(\"http://evil\")", "12.50"));
    assertEquals(
        "\"title\";\"amount\"\r\n\"Plain,=1+1\";\"12,50\"\r\n", export(';', "Plain,=1+1", "12.50"));
  }

  @Test
  void everyCellIsQuotedAndALeadingFormulaCharacterNeutralised() throws Exception {
    assertEquals("\"title\",\"amount\"\r\n\"'=1+1\",\"\"\r\n", export(',', "=1+1", null));
  }

  private static String export(char delimiter, String title, String amount) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvExport csv = new CsvExport(out, delimiter, false);
    csv.start(null, List.of("title", "amount"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", title);
    values.put("amount", amount == null ? null : new BigDecimal(amount));
    csv.record(values);
    csv.finish();
    return out.toString(StandardCharsets.UTF_8);
  }
}
