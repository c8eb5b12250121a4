package io.relata.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's configuration, from environment variables.
 *
 * @param port HTTP port ({@code RELATA_PORT}, default 8080)
 * @param dataDir where the embedded database and the unpacked runtime live ({@code
 *     RELATA_DATA_DIR}, default {@code ~/.relata})
 * @param externalDatabase {@code RELATA_DB_URL} when set: no embedded database is started
 */
record LauncherSettings(int port, Path dataDir, Optional<String> externalDatabase) {

  static LauncherSettings from(Map<String, String> env) {
    int port = parsePort(env.getOrDefault("RELATA_PORT", "8080"));
    Path dataDir =
        Optional.ofNullable(blankToNull(env.get("RELATA_DATA_DIR")))
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".relata"))
            .toAbsolutePath()
            .normalize();
    return new LauncherSettings(
        port, dataDir, Optional.ofNullable(blankToNull(env.get("RELATA_DB_URL"))));
  }

  Path databaseDir() {
    return dataDir.resolve("pgdata");
  }

  Path runtimeDir() {
    return dataDir.resolve("runtime");
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value.strip());
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LaunchException(
        "RELATA_PORT must be a port number from 1 to 65535, not '" + value + "'");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
