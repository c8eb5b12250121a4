package io.relata.metadata.presentation;

import io.relata.metadata.definition.Translations;
import java.util.Locale;
import java.util.Optional;

/**
 * One figure of a dashboard: the records of {@code object} that match {@code filter}, grouped by
 * {@code groupBy} (and by {@code series} within each group), each group summed up by {@code
 * measure}. The platform computes it under the viewer's record security.
 *
 * @param groupBy a field, or a date field and its period: {@code close_date:month}
 * @param measure {@code count}, or a function and a field: {@code sum:amount}; {@code weighted} is
 *     a sum with each record's amount multiplied by its stage's probability
 * @param role only records owned by users of this role or the roles below it
 * @param width the columns of the dashboard's grid it spans, 1 or 2
 * @param titles the title in other languages
 */
public record Widget(
    Type type,
    String title,
    String object,
    Optional<String> filter,
    Optional<String> groupBy,
    Optional<String> series,
    String measure,
    Optional<String> role,
    int width,
    Translations titles) {

  /** What a widget draws. */
  public enum Type {
    /** One figure. */
    METRIC,
    /** A bar per group. */
    BAR,
    /** The pipeline's stages in order, narrowing. */
    FUNNEL,
    /** A point per period. */
    LINE,
    /** A row per group. */
    TABLE,
    /** Amounts weighted by their stage's probability, per period. */
    FORECAST;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Type of(String json) {
      return valueOf(json.toUpperCase(Locale.ROOT));
    }
  }

  /** The field grouped by, without its period. */
  public Optional<String> groupField() {
    return groupBy.map(g -> g.split(":", 2)[0]);
  }

  /** The period of a date grouping: {@code month}. */
  public Optional<String> period() {
    return groupBy.filter(g -> g.contains(":")).map(g -> g.substring(g.indexOf(':') + 1));
  }

  /** {@code count}, {@code sum}, {@code avg}, {@code min}, {@code max} or {@code weighted}. */
  public String measureFunction() {
    return measure.split(":", 2)[0];
  }

  /** The field the measure sums up; empty for {@code count}. */
  public Optional<String> measureField() {
    String[] parts = measure.split(":", 2);
    return parts.length == 2 ? Optional.of(parts[1]) : Optional.empty();
  }
}
