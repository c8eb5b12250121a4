package io.relata.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The objects of the record ITs — company, deal, contact and the junction deal_contact — defined
 * through the metadata API, whichever test class comes first. Company rolls deals up and deals
 * belong to companies, so a new company starts without its roll-ups.
 */
public final class StoryObjects {

  public static final List<String> NAMES = List.of("company", "deal", "contact", "deal_contact");

  private StoryObjects() {}

  public static void define(ApiClient api) throws Exception {
    if (api.send("GET", "api/v1/metadata/objects/company", null).statusCode() == 404) {
      JsonObject company = ApiClient.json(fixture("company"));
      JsonArrayBuilder plain = Json.createArrayBuilder();
      company.getJsonArray("fields").stream()
          .filter(f -> !f.asJsonObject().getString("type").equals("roll-up"))
          .forEach(plain::add);
      put(
          api,
          "company",
          Json.createObjectBuilder(company).add("fields", plain).build().toString());
    }
    for (String object : List.of("deal", "contact", "deal_contact", "company")) {
      put(api, object, fixture(object));
    }
  }

  private static void put(ApiClient api, String object, String document) throws Exception {
    HttpResponse<String> put = api.send("PUT", "api/v1/metadata/objects/" + object, document);
    assertTrue(put.statusCode() == 201 || put.statusCode() == 200, put.body());
  }

  public static String fixture(String name) throws Exception {
    try (InputStream in =
        StoryObjects.class.getResourceAsStream("/fixtures/objects/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
