package io.relata.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

  @Test
  void defaultsToPort8080AnEmbeddedDatabaseAndTheHomeFolder() {
    LauncherSettings settings = LauncherSettings.from(Map.of());

    assertEquals(8080, settings.port());
    assertEquals(Optional.empty(), settings.externalDatabase());
    assertEquals(
        Path.of(System.getProperty("user.home"), ".relata").toAbsolutePath(), settings.dataDir());
  }

  @Test
  void readsPortDataFolderAndExternalDatabase() {
    LauncherSettings settings =
        LauncherSettings.from(
            Map.of(
                "RELATA_PORT", "9090",
                "RELATA_DATA_DIR", "/srv/relata",
                "RELATA_DB_URL", "jdbc:postgresql://db/relata"));

    assertEquals(9090, settings.port());
    assertEquals(Path.of("/srv/relata/pgdata"), settings.databaseDir());
    assertEquals(Optional.of("jdbc:postgresql://db/relata"), settings.externalDatabase());
  }

  @Test
  void blankVariablesCountAsUnset() {
    LauncherSettings settings =
        LauncherSettings.from(Map.of("RELATA_DB_URL", " ", "RELATA_DATA_DIR", ""));

    assertEquals(Optional.empty(), settings.externalDatabase());
    assertTrue(settings.dataDir().endsWith(".relata"));
  }

  @Test
  void refusesAPortThatIsNotOne() {
    for (String port : new String[] {"http", "0", "65536", "-1"}) {
      LaunchException refused =
          assertThrows(
              LaunchException.class, () -> LauncherSettings.from(Map.of("RELATA_PORT", port)));
      assertTrue(refused.getMessage().contains("RELATA_PORT"), refused.getMessage());
    }
  }
}
