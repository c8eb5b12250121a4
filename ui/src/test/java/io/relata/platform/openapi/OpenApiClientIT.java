package io.relata.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.SharedRelata;
import io.relata.testing.StoryObjects;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document is good enough for a standard generator: openapi-generator (from
 * Maven Central) validates it and writes a Java client, which is compiled and used — from outside
 * the server, like any integration — to create a record and find it again by a filter. Against
 * relata.jar as an operator starts it: a client sees nothing else.
 */
@ExtendWith(SharedRelata.class)
class OpenApiClientIT {

  @Test
  void aGeneratedClientCreatesAndQueriesRecords() throws Exception {
    URL base = SharedRelata.server().uri("/").toURL();
    ApiClient api = SharedRelata.admin();
    String token = api.token();
    StoryObjects.define(api);
    HttpResponse<String> spec = api.send("GET", "api/v1/openapi.json", null);
    assertEquals(200, spec.statusCode(), spec.body());
    assertTrue(spec.body().contains("\"DealInput\""), "one schema per object");

    Path work = Files.createDirectories(Path.of(System.getProperty("relata.test.work"), "openapi"));
    Path specFile = work.resolve("relata.json");
    Files.writeString(specFile, spec.body());
    Path out = work.resolve("client");
    Process generator =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("openapi.generator.jar"),
                "generate",
                "-i",
                specFile.toString(),
                "-g",
                "java",
                "--library",
                "native",
                "-o",
                out.toString(),
                "--api-package",
                "relata.client.api",
                "--model-package",
                "relata.client.model",
                "--invoker-package",
                "relata.client",
                "--additional-properties",
                "useJakartaEe=true,openApiNullable=false,annotationLibrary=none,hideGenerationTimestamp=true",
                "--global-property",
                "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false")
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("generator.log").toFile())
            .start();
    assertTrue(generator.waitFor(5, TimeUnit.MINUTES), "the generator finished");
    assertEquals(0, generator.exitValue(), Files.readString(work.resolve("generator.log")));

    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "-nowarn"));
    try (Stream<Path> sources = Files.walk(out.resolve("src/main/java"))) {
      sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(
        0, javac.run(null, null, null, arguments.toArray(String[]::new)), "the client compiles");

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> clientClass = loader.loadClass("relata.client.ApiClient");
      Object client = clientClass.getConstructor().newInstance();
      clientClass
          .getMethod("updateBaseUri", String.class)
          .invoke(client, base.toString().replaceAll("/$", ""));
      Consumer<HttpRequest.Builder> bearer =
          request -> request.header("Authorization", "Bearer " + token);
      clientClass.getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer);
      Object deals =
          loader
              .loadClass("relata.client.api.DealApi")
              .getConstructor(clientClass)
              .newInstance(client);

      Class<?> inputClass = loader.loadClass("relata.client.model.DealInput");
      Object input = inputClass.getConstructor().newInstance();
      String title = "Generated " + UUID.randomUUID();
      inputClass.getMethod("setTitle", String.class).invoke(input, title);
      inputClass.getMethod("setAmount", BigDecimal.class).invoke(input, new BigDecimal("42.50"));
      Object created = method(deals, "createDeal").invoke(deals, input);
      Object id = created.getClass().getMethod("getId").invoke(created);
      assertEquals(
          new BigDecimal("42.50"), created.getClass().getMethod("getAmount").invoke(created));

      Method list = method(deals, "listDeal");
      Object[] parameters = new Object[list.getParameterCount()];
      parameters[0] = "title = \"" + title + "\"";
      Object page = list.invoke(deals, parameters);
      List<?> items = (List<?>) page.getClass().getMethod("getItems").invoke(page);
      assertEquals(1, items.size());
      assertEquals(id, items.get(0).getClass().getMethod("getId").invoke(items.get(0)));
    }
  }

  /**
   * The generated operation {@code name} without its extra headers: the generator also writes an
   * overload taking a map of headers, and reflection lists methods in no particular order.
   */
  private static Method method(Object api, String name) {
    Method fewest = null;
    for (Method method : api.getClass().getMethods()) {
      if (method.getName().equals(name)
          && (fewest == null || method.getParameterCount() < fewest.getParameterCount())) {
        fewest = method;
      }
    }
    if (fewest == null) {
      throw new AssertionError("the generated client has no " + name);
    }
    return fewest;
  }
}
