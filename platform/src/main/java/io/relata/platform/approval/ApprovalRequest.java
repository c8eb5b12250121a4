package io.relata.platform.approval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.json.JsonCodec;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A record's request to enter a stage an approval process guards: the step deciding now (from 1),
 * its state ({@code pending}, {@code approved}, {@code rejected}, {@code recalled}) and the
 * decisions so far.
 */
public record ApprovalRequest(
    UUID id,
    String process,
    String object,
    UUID record,
    String stage,
    Optional<String> fromStage,
    int step,
    String state,
    UUID submittedBy,
    String submitter,
    OffsetDateTime submittedAt,
    Optional<OffsetDateTime> decidedAt,
    List<Decision> decisions) {

  /** The states a request is in. */
  public static final List<String> STATES = List.of("pending", "approved", "rejected", "recalled");

  public ApprovalRequest {
    decisions = List.copyOf(decisions);
  }

  /** One decision: who decided which step how, with their comment. */
  public record Decision(
      int step,
      UUID user,
      String username,
      String decision,
      Optional<String> comment,
      OffsetDateTime at) {}

  public boolean pending() {
    return state.equals("pending");
  }

  /**
   * As the API shows it, with the process's label and steps and the record's name as the reader
   * sees them, whether the reader may decide it now, and whether they may recall it.
   */
  ObjectNode toJson(
      String processLabel, String recordName, int steps, boolean yours, boolean recallable) {
    ObjectNode json =
        JsonCodec.object()
            .put("id", id.toString())
            .put("process", process)
            .put("processLabel", processLabel);
    json.putObject("record")
        .put("object", object)
        .put("id", record.toString())
        .put("name", recordName);
    json.put("stage", stage);
    json.put("fromStage", fromStage.orElse(null));
    json.put("step", step).put("steps", steps).put("state", state);
    json.putObject("submittedBy").put("id", submittedBy.toString()).put("name", submitter);
    json.put("submittedAt", submittedAt.toInstant().toString());
    json.put("decidedAt", decidedAt.map(at -> at.toInstant().toString()).orElse(null));
    json.put("yours", yours).put("recallable", recallable);
    ArrayNode list = json.putArray("decisions");
    for (Decision decision : decisions) {
      ObjectNode one =
          list.addObject()
              .put("step", decision.step())
              .put("decision", decision.decision())
              .put("comment", decision.comment().orElse(null))
              .put("at", decision.at().toInstant().toString());
      one.putObject("by").put("id", decision.user().toString()).put("name", decision.username());
    }
    return json;
  }
}
