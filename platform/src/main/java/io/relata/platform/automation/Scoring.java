package io.relata.platform.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.automation.ScoringModel;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.WriteContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Computes a record's scores from its scoring models and keeps them: the fit points of the
 * conditions it meets, and the engagement points of the activities about it by kind, each halved
 * every half-life since it was logged. A score that changes is a write of its own (in the
 * platform's name, with the explanation as its reason, so the timeline shows it), and each
 * threshold the score rises to runs its actions once.
 *
 * <p>The record is locked before its score is read: scores of one record are computed one
 * transaction at a time, each seeing the activities the ones before it committed, so concurrent
 * activities cross a threshold exactly once.
 */
final class Scoring {

  static final String ACTIVITY = "activity";

  private final NestedWrites writes;
  private final WriteContext context;
  private final Automating automating;

  Scoring(NestedWrites writes, WriteContext context, Automating automating) {
    this.writes = writes;
    this.context = context;
    this.automating = automating;
  }

  /** Computes and keeps the scores of the record {@code id} of {@code object}. */
  void rescore(String object, UUID id) throws SQLException {
    for (ScoringModel model : writes.snapshot().automations().scoring(object)) {
      if (!rescore(model, object, id)) {
        return;
      }
    }
  }

  /**
   * Computes and keeps the score of {@code model} for the record {@code id}, running the actions of
   * the thresholds it rises to; false when the record is gone.
   */
  boolean rescore(ScoringModel model, String object, UUID id) throws SQLException {
    Optional<Map<String, Object>> record = writes.lock(context, object, id);
    if (record.isEmpty()) {
      return false;
    }
    ObjectNode explained =
        JsonCodec.object().put("automation", model.name()).put("automationLabel", model.label());
    explained.put("scoring", model.name());
    ArrayNode points = explained.putArray("points");
    double total = 0;
    for (ScoringModel.Fit fit : model.fit()) {
      if (ConditionEvaluator.selects(
          fit.condition(), record.get(), Optional.empty(), context.conditions())) {
        total += fit.points();
        ObjectNode one = points.addObject().put("condition", fit.source());
        fit.label().ifPresent(label -> one.put("label", label));
        one.put("points", fit.points());
      }
    }
    for (Map.Entry<String, double[]> kind : engagement(model, object, id).entrySet()) {
      total += kind.getValue()[1];
      points
          .addObject()
          .put("kind", kind.getKey())
          .put("count", (int) kind.getValue()[0])
          .put("points", Math.round(kind.getValue()[1]));
    }
    long score = Math.round(total);
    explained.put("score", score);
    long prior =
        record.get().get(model.field()) instanceof BigDecimal stored
            ? stored.setScale(0, java.math.RoundingMode.HALF_UP).longValue()
            : 0;
    if (record.get().get(model.field()) != null && prior == score) {
      return true;
    }
    WriteContext scoring = context.causedBy(new WriteContext.Cause(model.name(), object, id));
    writes.update(
        scoring, object, id, JsonCodec.object().put(model.field(), score), List.of(explained));
    for (ScoringModel.Threshold threshold : model.thresholds()) {
      if (prior < threshold.score() && score >= threshold.score()) {
        Actions.run(
            ActionTarget.stored(writes, object, id, scoring, automating),
            threshold.automation(),
            "score");
      }
    }
    return true;
  }

  /**
   * The engagement of the record by activity kind: how many activities of each kind the model
   * counts are about it, and their points, each decayed by its age.
   */
  private Map<String, double[]> engagement(ScoringModel model, String object, UUID id)
      throws SQLException {
    Map<String, double[]> byKind = new LinkedHashMap<>();
    if (model.engagement().isEmpty()) {
      return byKind;
    }
    CompiledObject activity = writes.snapshot().required(ACTIVITY);
    Connection connection = writes.connection();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT \"kind\", \"created_at\" FROM "
                + activity.table()
                + " WHERE \"about\"->>'object' = ? AND \"about\"->>'id' = ?"
                + " AND \"deleted_at\" IS NULL AND \"kind\" = ANY (?)"
                + " ORDER BY \"created_at\"")) {
      select.setString(1, object);
      select.setString(2, id.toString());
      select.setArray(3, connection.createArrayOf("text", model.engagement().keySet().toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String kind = rows.getString(1);
          OffsetDateTime logged = rows.getObject(2, OffsetDateTime.class);
          double points = model.engagement().get(kind) * decay(model, logged);
          double[] sum = byKind.computeIfAbsent(kind, k -> new double[2]);
          sum[0]++;
          sum[1] += points;
        }
      }
    }
    return byKind;
  }

  /** What is left of an activity's points after its age: halved every half-life. */
  private double decay(ScoringModel model, OffsetDateTime logged) {
    if (model.halfLife().isEmpty()) {
      return 1;
    }
    Duration age = Duration.between(logged, context.now());
    if (age.isNegative()) {
      return 1;
    }
    return Math.pow(0.5, (double) age.toSeconds() / model.halfLife().get().toSeconds());
  }

  /** The record an activity is about, as object and id, from its stored link. */
  static Optional<Map.Entry<String, UUID>> about(Map<String, Object> activity) {
    if (activity.get("about") instanceof JsonNode link && link.hasNonNull("id")) {
      return Optional.of(
          Map.entry(link.path("object").asText(), UUID.fromString(link.path("id").asText())));
    }
    return Optional.empty();
  }
}
