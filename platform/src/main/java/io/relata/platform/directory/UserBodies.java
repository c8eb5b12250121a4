package io.relata.platform.directory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A new user or a change of one as JSON — the API's body, or what Setup's user form writes —
 * checked against the request's schema and read into what {@link Users} takes: one place that
 * decides what a valid user is, whichever way it comes in. A body that does not fit throws {@link
 * io.relata.platform.rest.InvalidRequestException} with a problem per member.
 */
public final class UserBodies {

  private UserBodies() {}

  /** A new user from a {@code POST /api/v1/users} body. */
  public static Users.NewUser newUser(JsonNode json) {
    Requests.check(json, Requests.NEW_USER);
    return new Users.NewUser(
        json.get("username").asText(),
        json.get("password").asText().toCharArray(),
        !json.has("active") || json.get("active").asBoolean(),
        Optional.ofNullable(json.get("role")).filter(r -> !r.isNull()).map(JsonNode::asText),
        Requests.names(json, "permissionSets").orElse(List.of()),
        profile(json));
  }

  /** A change from a {@code PATCH /api/v1/users/{id}} body: absent members stay as they are. */
  public static Users.Change change(JsonNode json) {
    Requests.check(json, Requests.USER_CHANGE);
    return new Users.Change(
        Optional.ofNullable(json.get("password")).map(p -> p.asText().toCharArray()),
        Optional.ofNullable(json.get("active")).map(JsonNode::asBoolean),
        Optional.ofNullable(json.get("role"))
            .map(r -> r.isNull() ? Optional.<String>empty() : Optional.of(r.asText())),
        Requests.names(json, "permissionSets"),
        profile(json));
  }

  /** The profile members of a checked body: absent, null (cleared) or a value. */
  private static Users.Profile profile(JsonNode json) {
    return new Users.Profile(
        nullable(json, "email"),
        nullable(json, "displayName"),
        Optional.ofNullable(json.get("locale")).map(JsonNode::asText),
        Optional.ofNullable(json.get("timeZone")).map(JsonNode::asText),
        nullable(json, "manager").map(m -> m.map(UUID::fromString)));
  }

  private static Optional<Optional<String>> nullable(JsonNode json, String member) {
    return Optional.ofNullable(json.get(member))
        .map(value -> value.isNull() ? Optional.<String>empty() : Optional.of(value.asText()));
  }
}
