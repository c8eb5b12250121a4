package io.relata.platform.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message code the code base raises has a text, so that no client ever sees a bare code. */
class MessageCodesTest {

  private static final Pattern CODE =
      Pattern.compile(
          "\"((?:record|filter|query|problem|search|import|audit|bulk|user|access|automation|assignment|scoring|sla|email|webhook|approval|schema|metadata)\\.[a-z][a-z.-]*)\"");

  @Test
  void everyRaisedCodeHasAText() throws IOException {
    Properties bundle = new Properties();
    try (InputStream in =
        Messages.class.getResourceAsStream("/io/relata/platform/message/messages.properties")) {
      bundle.load(in);
    }
    Set<String> missing = new TreeSet<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("../metadata/src/main/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .forEach(
                f -> {
                  Matcher codes = CODE.matcher(read(f));
                  while (codes.find()) {
                    String code = codes.group(1);
                    if (code.endsWith(".json")) {
                      continue; // a resource's name, such as user.schema.json
                    }
                    String key = code.startsWith("problem.") ? code + ".title" : code;
                    if (!bundle.containsKey(key)) {
                      missing.add(code + " (" + f.getFileName() + ")");
                    }
                  }
                });
      }
    }
    assertEquals(Set.of(), missing);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
