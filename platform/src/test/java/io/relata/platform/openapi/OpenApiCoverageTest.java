package io.relata.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.metadata.definition.DefinitionReader;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The document describes exactly the operations the JAX-RS resources serve: every resource method
 * of the platform, found by scanning its classes, is an operation of the document, and the document
 * has no operation that no method serves. Path parameters that choose between a resource's kinds of
 * thing ({@code {object}}, {@code {kind}}) stand for each of them, as the document writes one path
 * per object and kind.
 */
class OpenApiCoverageTest {

  private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*(?::\\s*([^}]*))?}");

  @Test
  void theDocumentDescribesEveryResourceMethodAndNothingElse() throws Exception {
    List<ObjectDefinition> objects = List.of(deal());
    Set<String> served = new TreeSet<>();
    for (Class<?> resource : resources()) {
      String root = "/api" + resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb = verb(method);
        if (verb == null) {
          continue;
        }
        Path path = method.getAnnotation(Path.class);
        String template = path == null ? root : root + "/" + path.value().replaceAll("^/", "");
        expand(template, objects).forEach(p -> served.add(verb + " " + p));
      }
    }
    JsonNode document = OpenApiDocument.of(1, objects, "test");
    Set<String> described = new TreeSet<>();
    for (Iterator<String> it = document.get("paths").fieldNames(); it.hasNext(); ) {
      String path = it.next();
      for (String verb : OpenApiDocument.METHODS) {
        if (document.get("paths").get(path).has(verb)) {
          described.add(verb.toUpperCase(Locale.ROOT) + " " + normal(path));
        }
      }
    }
    Set<String> undescribed = new TreeSet<>(served);
    undescribed.removeAll(described);
    Set<String> unserved = new TreeSet<>(described);
    unserved.removeAll(served);
    assertEquals(Set.of(), undescribed, "served but not described");
    assertEquals(Set.of(), unserved, "described but not served");
    assertEquals(true, served.size() > 40, "the scan found the resources: " + served);
  }

  private static ObjectDefinition deal() throws IOException {
    return DefinitionReader.object(
        new ObjectMapper()
            .readTree(
                "{\"name\":\"deal\",\"label\":\"Deal\",\"nameField\":\"title\",\"fields\":["
                    + "{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"}]}"));
  }

  /** The platform's classes annotated with {@link Path}. */
  private static List<Class<?>> resources() throws IOException, URISyntaxException {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            OpenApiDocument.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> resources = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file :
          files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
        String name = classes.relativize(file).toString().replace('/', '.');
        try {
          Class<?> type =
              Class.forName(
                  name.substring(0, name.length() - ".class".length()),
                  false,
                  OpenApiCoverageTest.class.getClassLoader());
          if (type.isAnnotationPresent(Path.class)) {
            resources.add(type);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          throw new AssertionError(name, e);
        }
      }
    }
    return resources;
  }

  private static String verb(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** A JAX-RS template as the document's paths: one per object and kind. */
  private static List<String> expand(String template, List<ObjectDefinition> objects) {
    Matcher parameter = PARAMETER.matcher(template);
    while (parameter.find()) {
      String name = parameter.group(1);
      List<String> values;
      if (name.equals("object")) {
        values = objects.stream().map(ObjectDefinition::name).collect(Collectors.toList());
      } else if (name.equals("kind")) {
        values = DocumentKinds.all().stream().map(DocumentKind::id).collect(Collectors.toList());
      } else {
        continue;
      }
      String before = template.substring(0, parameter.start());
      String after = template.substring(parameter.end());
      return values.stream()
          .flatMap(v -> expand(before + v + after, objects).stream())
          .collect(Collectors.toList());
    }
    return List.of(normal(template));
  }

  /** Parameters without their names or patterns, and no trailing slash. */
  private static String normal(String path) {
    return PARAMETER.matcher(path).replaceAll("{}").replaceAll("/$", "");
  }
}
