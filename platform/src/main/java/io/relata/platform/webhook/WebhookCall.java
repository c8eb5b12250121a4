package io.relata.platform.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.json.JsonCodec;
import java.time.OffsetDateTime;

/**
 * One call to make: which webhook, the event's type, and the JSON body, fixed when the call is
 * queued so that every attempt sends the same bytes under the same {@code webhook-id}.
 */
public record WebhookCall(String webhook, String event, String body) {

  /** A call whose body is the Standard Webhooks envelope: {@code {"type", "timestamp", "data"}}. */
  public static WebhookCall of(String webhook, String event, OffsetDateTime at, JsonNode data) {
    ObjectNode body =
        JsonCodec.object().put("type", event).put("timestamp", at.toInstant().toString());
    body.set("data", data);
    return new WebhookCall(webhook, event, JsonCodec.text(body));
  }

  ObjectNode toJson() {
    return JsonCodec.object().put("webhook", webhook).put("event", event).put("body", body);
  }

  static WebhookCall fromJson(JsonNode json) {
    return new WebhookCall(
        json.get("webhook").asText(), json.get("event").asText(), json.get("body").asText());
  }
}
