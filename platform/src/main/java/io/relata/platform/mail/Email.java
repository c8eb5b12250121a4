package io.relata.platform.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.json.JsonCodec;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to one address: a subject line and a plain-text body, in the language it was written
 * for.
 *
 * @param name the recipient's name as the address shows it, when known
 * @param about what the message is about: {@code lead/<id>}, the record whose timeline says it was
 *     sent
 * @param field the record's field the address was read from, when it was not a person's
 */
public record Email(
    String to,
    Optional<String> name,
    String subject,
    String body,
    String language,
    String about,
    Optional<String> field) {

  public Email {
    Objects.requireNonNull(to, "to");
    // a merged field may hold a line break; a subject is one line
    subject = subject.replaceAll("[\\r\\n]+", " ").strip();
  }

  ObjectNode toJson() {
    ObjectNode json =
        JsonCodec.object()
            .put("to", to)
            .put("subject", subject)
            .put("body", body)
            .put("language", language)
            .put("about", about);
    name.ifPresent(n -> json.put("name", n));
    field.ifPresent(f -> json.put("field", f));
    return json;
  }

  static Email fromJson(JsonNode json) {
    return new Email(
        json.get("to").asText(),
        Optional.ofNullable(json.get("name")).map(JsonNode::asText),
        json.get("subject").asText(),
        json.get("body").asText(),
        json.get("language").asText(),
        json.path("about").asText(),
        Optional.ofNullable(json.get("field")).map(JsonNode::asText));
  }
}
