package io.relata.platform.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.PathIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /api/v1/records/{object}/{id}/timeline}: the record's history and the activities about it
 * as its reader may see them, newest first. A thin adapter over {@link RecordService#timeline}.
 */
@Path("/v1/records/{object}/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TimelineResource {

  @Inject private RecordService records;
  @Context private SecurityContext security;

  @GET
  public byte[] timeline(
      @PathParam("object") String object,
      @PathParam("id") String id,
      @QueryParam("kind") String kind,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    records.object(object);
    UUID record = PathIds.uuid(id).orElseThrow(() -> RecordNotFoundException.record(object, id));
    TimelineQuery query = TimelineQuery.of(kind, limit, cursor);
    return JsonCodec.bytes(
        json(records.timeline((Actor) security.getUserPrincipal(), object, record, query)));
  }

  private static ObjectNode activity(TimelineItem.Activity activity) {
    ObjectNode json = JsonCodec.object().put("id", activity.id().toString());
    activity.values().forEach((field, value) -> json.set(field, JsonCodec.value(value)));
    if (activity.owner().isPresent()) {
      json.putObject("owner")
          .put("id", activity.owner().get().id().toString())
          .put("name", activity.owner().get().name());
    }
    return json;
  }

  private static ObjectNode approval(TimelineItem.Approval approval) {
    ObjectNode json =
        JsonCodec.object()
            .put("process", approval.process())
            .put("step", approval.step())
            .put("steps", approval.steps());
    approval.stage().ifPresent(stage -> json.put("stage", stage));
    approval.comment().ifPresent(comment -> json.put("comment", comment));
    return json;
  }

  private static ObjectNode json(TimelinePage page) {
    ObjectNode body = JsonCodec.object();
    ArrayNode items = body.putArray("items");
    for (TimelineItem item : page.items()) {
      ObjectNode json = items.addObject();
      json.put("id", item.id());
      json.put(
          "kind", item.activity().isPresent() ? TimelineQuery.ACTIVITY : TimelineQuery.HISTORY);
      json.put("event", item.event().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      json.put("at", DateTimeFormatter.ISO_INSTANT.format(item.at()));
      if (item.actor().isPresent()) {
        json.putObject("actor")
            .put("id", item.actor().get().id().toString())
            .put("name", item.actor().get().name());
      } else {
        json.putNull("actor");
      }
      ArrayNode fields = json.putArray("fields");
      item.fields().forEach(fields::add);
      ArrayNode changes = json.putArray("changes");
      for (TimelineItem.Change change : item.changes()) {
        ObjectNode value = changes.addObject().put("field", change.field());
        value.set("before", JsonCodec.value(change.before()));
        value.set("after", JsonCodec.value(change.after()));
      }
      item.sharedWith().ifPresent(name -> json.put("sharedWith", name));
      item.access().ifPresent(access -> json.put("access", access));
      item.activity().ifPresent(activity -> json.set("activity", activity(activity)));
      item.approval().ifPresent(approval -> json.set("approval", approval(approval)));
      item.mail()
          .ifPresent(
              mail -> {
                ObjectNode sent = json.putObject("email").put("subject", mail.subject());
                mail.toName().ifPresent(name -> sent.put("toName", name));
                mail.toField().ifPresent(field -> sent.put("toField", field));
              });
      if (!item.because().isEmpty()) {
        ArrayNode because = json.putArray("because");
        item.because().forEach(reason -> because.add(because(reason)));
      }
    }
    if (page.nextCursor().isPresent()) {
      body.put("nextCursor", page.nextCursor().get());
    } else {
      body.putNull("nextCursor");
    }
    return body;
  }

  private static ObjectNode because(TimelineItem.Because reason) {
    ObjectNode json = JsonCodec.object().put("automation", reason.automation());
    reason.automationLabel().ifPresent(label -> json.put("automationLabel", label));
    reason.assignment().ifPresent(rules -> json.put("assignment", rules));
    reason.assignmentLabel().ifPresent(label -> json.put("assignmentLabel", label));
    reason.rule().ifPresent(rule -> json.put("rule", rule));
    reason.label().ifPresent(label -> json.put("label", label));
    reason.condition().ifPresent(condition -> json.put("condition", condition));
    if (reason.fallback()) {
      json.put("fallback", true);
    }
    reason.group().ifPresent(group -> json.put("group", group));
    reason.method().ifPresent(method -> json.put("method", method));
    reason.score().ifPresent(score -> json.put("score", score));
    if (!reason.points().isEmpty()) {
      ArrayNode points = json.putArray("points");
      for (TimelineItem.Points one : reason.points()) {
        ObjectNode point = points.addObject();
        one.label().ifPresent(label -> point.put("label", label));
        one.condition().ifPresent(condition -> point.put("condition", condition));
        one.kind().ifPresent(kind -> point.put("kind", kind));
        one.count().ifPresent(count -> point.put("count", count));
        point.put("points", one.points());
      }
    }
    return json;
  }
}
