package io.relata.platform.metadata;

import io.relata.metadata.model.CompiledModel;
import io.relata.platform.schema.SchemaPlan;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What follows each applied model change in the change's own transaction, for state the platform
 * keeps beside the documents (a webhook's secret, jobs planned from them): committed with the new
 * revision or not at all. Hooks are CDI beans, run in no particular order; one that throws refuses
 * the change.
 */
public interface ModelChangeHook {

  /**
   * The model went from {@code before} to {@code after} by {@code plan}, whose steps but the
   * deferred ones ran; {@code connection} is in the change.
   */
  void applied(Connection connection, CompiledModel before, CompiledModel after, SchemaPlan plan)
      throws SQLException;
}
