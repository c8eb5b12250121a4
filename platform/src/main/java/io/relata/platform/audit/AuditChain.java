package io.relata.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The hash chain: each sealed entry's hash is SHA-256 over the previous hash and the entry's
 * canonical form, which covers its values only through their salted digest. Both sides read the
 * entry back from the database (JSON as PostgreSQL prints {@code jsonb}), so sealing and verifying
 * hash the same bytes.
 */
final class AuditChain {

  /** The "previous hash" of the first position. */
  static final byte[] GENESIS = new byte[32];

  private static final char UNIT = '\u001f';
  private static final char RECORD = '\u001e';
  private static final HexFormat HEX = HexFormat.of();

  private AuditChain() {}

  /** An entry as stored. */
  record StoredEntry(
      long id,
      OffsetDateTime at,
      UUID actor,
      String action,
      String object,
      UUID recordId,
      String detail) {}

  /** A field value as stored ({@code before} and {@code after} as JSON text). */
  record StoredValue(String field, String before, String after, byte[] salt) {}

  /** The digest of an entry's values, in field order; null for an entry without values. */
  static byte[] valuesDigest(List<StoredValue> values) {
    if (values.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    values.stream()
        .sorted(java.util.Comparator.comparing(StoredValue::field))
        .forEach(
            v ->
                text.append(v.field())
                    .append(UNIT)
                    .append(HEX.formatHex(v.salt()))
                    .append(UNIT)
                    .append(v.before())
                    .append(UNIT)
                    .append(v.after())
                    .append(RECORD));
    return sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The hash of {@code entry} at the position after the one whose hash is {@code previous}. */
  static byte[] link(byte[] previous, StoredEntry entry, byte[] valuesDigest) {
    long micros = entry.at().toEpochSecond() * 1_000_000L + entry.at().getNano() / 1_000;
    String canonical =
        String.join(
            String.valueOf(UNIT),
            Long.toString(entry.id()),
            Long.toString(micros),
            entry.actor() == null ? "" : entry.actor().toString(),
            entry.action(),
            entry.object() == null ? "" : entry.object(),
            entry.recordId() == null ? "" : entry.recordId().toString(),
            entry.detail(),
            valuesDigest == null ? "" : HEX.formatHex(valuesDigest));
    MessageDigest sha256 = sha256();
    sha256.update(previous);
    return sha256.digest(canonical.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
