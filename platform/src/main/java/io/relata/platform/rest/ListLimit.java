package io.relata.platform.rest;

import io.relata.platform.rest.ProblemException.Violation;
import java.util.List;

/** The {@code limit} of a list (API.md, "Lists"): 1 to 200, 50 when absent; else 400. */
public final class ListLimit {

  public static final int DEFAULT = 50;
  public static final int MAX = 200;

  private ListLimit() {}

  public static int parse(String limit) {
    if (limit == null) {
      return DEFAULT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidRequestException(List.of(new Violation("limit", "query.limit", List.of(MAX))));
  }
}
