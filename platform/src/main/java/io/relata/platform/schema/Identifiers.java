package io.relata.platform.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SQL identifiers of object tables and the names derived from them. Every identifier is quoted;
 * names of indexes and constraints that would pass PostgreSQL's 63-byte limit are shortened and
 * given a hash of the full name, so that two long names never collide after truncation.
 */
public final class Identifiers {

  /** The schema of object tables. */
  public static final String SCHEMA = "records";

  static final int MAX_BYTES = 63;

  private Identifiers() {}

  /**
   * {@code "name"}; names are snake_case ASCII by the metadata rules, quoting is belt and braces.
   */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** The qualified, quoted table of an object. */
  public static String table(String object) {
    return quote(SCHEMA) + "." + quote(object);
  }

  /** A derived name such as {@code account_industry_idx}, within 63 bytes. */
  public static String derived(String object, String part, String suffix) {
    String full = object + "_" + part + "_" + suffix;
    if (full.length() <= MAX_BYTES) {
      return full;
    }
    String hash = HexFormat.of().formatHex(sha256(full), 0, 4);
    int keep = MAX_BYTES - suffix.length() - hash.length() - 2;
    return full.substring(0, keep) + "_" + hash + "_" + suffix;
  }

  /**
   * The name a deleted field's column is kept under until it is restored or erased, {@code
   * _aside_<revision>_<name>}, within 63 bytes: no field name starts with an underscore, so it
   * never clashes with a field, and a new field may take the old name at once.
   */
  public static String aside(long revision, String name) {
    String full = "_aside_" + revision + "_" + name;
    if (full.length() <= MAX_BYTES) {
      return full;
    }
    String hash = HexFormat.of().formatHex(sha256(full), 0, 4);
    return full.substring(0, MAX_BYTES - hash.length() - 1) + "_" + hash;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
