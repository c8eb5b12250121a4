package io.relata.platform.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Webhook;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.webhook.WebhookCall;
import io.relata.platform.webhook.WebhookJob;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A webhook action: a call with the record as it stands (its named fields, or all), queued in the
 * write's transaction, its type {@code <object>.<automation>}. An inactive webhook is not called.
 */
final class Calling {

  private Calling() {}

  static void call(ActionTarget target, Automation automation, String trigger, Action.Webhook hook)
      throws SQLException {
    Optional<Webhook> webhook =
        target.writes().snapshot().automations().webhook(hook.webhook()).filter(Webhook::active);
    if (webhook.isEmpty()) {
      return;
    }
    ObjectNode data =
        JsonCodec.object()
            .put("object", target.object().name())
            .put("id", target.id().toString())
            .put("automation", automation.name())
            .put("trigger", trigger);
    if (target.gone()) {
      data.put("deleted", true);
    }
    data.set("record", ActionValues.json(target.record(), hook.fields()));
    WebhookJob.queue(
        target.automating().jobs(),
        target.writes().connection(),
        WebhookCall.of(
            hook.webhook(),
            target.object().name() + "." + automation.name(),
            target.context().now(),
            data),
        target.context().now());
  }
}
