package io.relata.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Payara Micro and the WAR travel inside relata.jar; a JVM can only run them from files, so they
 * are unpacked once per build of relata.jar into {@code <data>/runtime/<build>/}. Older builds'
 * folders are removed.
 */
final class RuntimeFiles {

  static final String PAYARA_MICRO = "payara-micro.jar";
  static final String WAR = "relata.war";
  private static final String INSIDE_JAR = "relata-runtime/";
  private static final String COMPLETE = ".complete";

  private RuntimeFiles() {}

  /** The folder holding {@link #PAYARA_MICRO} and {@link #WAR}, unpacked if needed. */
  static Path unpack(Path runtimeDir) {
    Path build = runtimeDir.resolve(buildKey());
    try {
      if (!Files.exists(build.resolve(COMPLETE))) {
        Files.createDirectories(build);
        copy(PAYARA_MICRO, build);
        copy(WAR, build);
        Files.createFile(build.resolve(COMPLETE));
      }
      removeOthers(runtimeDir, build);
    } catch (IOException e) {
      throw new LaunchException(
          "Cannot unpack the server into " + build + ": " + e.getMessage(), e);
    }
    return build;
  }

  private static void copy(String name, Path target) throws IOException {
    try (InputStream in =
        RuntimeFiles.class.getClassLoader().getResourceAsStream(INSIDE_JAR + name)) {
      if (in == null) {
        throw new LaunchException(
            name + " is missing from relata.jar: rebuild it with ./mvnw package");
      }
      Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Size and time of relata.jar: a new build gets a new folder. */
  private static String buildKey() {
    try {
      Path jar =
          Path.of(RuntimeFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      throw new LaunchException("Cannot locate relata.jar: " + e.getMessage(), e);
    }
  }

  private static void removeOthers(Path runtimeDir, Path keep) throws IOException {
    try (Stream<Path> builds = Files.list(runtimeDir)) {
      for (Path old : builds.filter(p -> !p.equals(keep)).toList()) {
        try (Stream<Path> tree = Files.walk(old)) {
          for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
