package io.relata.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.Deployments;
import io.relata.testing.StoryObjects;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document is good enough for a standard generator: openapi-generator (from
 * Maven Central) validates it and writes a Java client, which is compiled and used — from outside
 * the server, like any integration — to create a record and find it again by a filter.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiClientIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.relataWar(OpenApiClientIT.class);
  }

  @ArquillianResource private URL base;

  @Test
  void aGeneratedClientCreatesAndQueriesRecords() throws Exception {
    String token = tokenForNewUser();
    // run as a client, Arquillian reports the server without the deployment's context root
    URL root = base.getPath().length() > 1 ? base : new URL(base, "/relata/");
    ApiClient api = new ApiClient(root, token);
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

  /** An administrator and an API token, written straight to the database the server uses. */
  private static String tokenForNewUser() throws Exception {
    String token = "rlt_" + UUID.randomUUID().toString().replace("-", "");
    UUID user = UUID.randomUUID();
    try (Connection connection =
        DriverManager.getConnection(
            System.getenv("RELATA_DB_URL"),
            System.getenv("RELATA_DB_USER"),
            System.getenv("RELATA_DB_PASSWORD"))) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO relata.app_user (id, username, password_hash, created_at) VALUES (?, ?, 'none', ?)")) {
        insert.setObject(1, user);
        insert.setString(2, "generated-" + user.toString().substring(0, 8));
        insert.setObject(3, OffsetDateTime.now());
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO relata.permission_set_assignment (permission_set, user_id)"
                  + " VALUES ('administrator', ?)")) {
        insert.setObject(1, user);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO relata.api_token (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, user);
        insert.setBytes(
            3, MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        insert.setObject(4, OffsetDateTime.now());
        insert.setObject(5, OffsetDateTime.now().plusHours(1));
        insert.executeUpdate();
      }
    }
    return token;
  }
}
