package io.relata.metadata.automation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Who takes a record: a user by username, or one of a group's active members. Users and groups are
 * data, not metadata: they are looked up when a record is assigned, and one that is gone or frozen
 * cannot take it.
 */
public sealed interface Assignee {

  /** One user, by username. */
  record User(String username) implements Assignee {}

  /** A member of {@code group}, chosen by {@code method}. */
  record Group(String group, Method method) implements Assignee {}

  /** How a group's member is chosen. */
  enum Method {
    /** Each member in turn, by username, across every rule that hands records to the group. */
    ROUND_ROBIN,
    /** The member who owns the fewest open records of the object; by turns among equals. */
    LEAST_LOADED;

    /** The name documents use: {@code round-robin}, {@code least-loaded}. */
    public String documentName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** An assignee as the meta-schema lets it through: {@code {"user"}} or {@code {"group"}}. */
  static Assignee read(JsonNode json) {
    if (json.has("user")) {
      return new User(json.get("user").asText().toLowerCase(Locale.ROOT));
    }
    String method = json.path("method").asText("round-robin");
    return new Group(
        json.get("group").asText(),
        Method.valueOf(method.toUpperCase(Locale.ROOT).replace('-', '_')));
  }
}
