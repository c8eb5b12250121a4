package io.relata.platform.webhook;

import io.relata.metadata.model.CompiledModel;
import io.relata.platform.metadata.ModelChangeHook;
import io.relata.platform.schema.SchemaPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deleted webhook's secret goes with it, in the change's transaction: a new webhook of the same
 * name gets a secret of its own, not one its predecessor's receiver knew.
 */
@ApplicationScoped
public class ForgottenSecrets implements ModelChangeHook {

  @Override
  public void applied(
      Connection connection, CompiledModel before, CompiledModel after, SchemaPlan plan)
      throws SQLException {
    Set<String> gone = new TreeSet<>(before.automations().webhookNames());
    gone.removeAll(after.automations().webhookNames());
    if (!gone.isEmpty()) {
      WebhookSecrets.forget(connection, gone);
    }
  }
}
