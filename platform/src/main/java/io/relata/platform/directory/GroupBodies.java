package io.relata.platform.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A group's name and its {@code PUT /api/v1/groups/{name}} body — from the API or from Setup's
 * group form — checked and read into what {@link Groups#put} takes: one place that decides what a
 * valid group is. A name or body that does not fit throws {@link InvalidRequestException} with a
 * problem per member ({@code name} for the name).
 */
public final class GroupBodies {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private GroupBodies() {}

  /** A group as {@link Groups#put} takes it: absent permission sets stay as they are. */
  public record Body(String name, String label, Optional<List<String>> permissionSets) {}

  /** The group named {@code name} as {@code json} describes it. */
  public static Body read(String name, JsonNode json) {
    if (!named(name)) {
      throw new InvalidRequestException(
          List.of(new Violation("name", "name.not-snake-case", List.of())));
    }
    Requests.check(json, Requests.GROUP);
    return new Body(name, json.get("label").asText(), Requests.names(json, "permissionSets"));
  }

  /** Whether a group could have {@code name}: snake case, at most 63 characters. */
  public static boolean named(String name) {
    return name.length() <= 63 && NAME.matcher(name).matches();
  }
}
