package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.record.editor.QuickCreator;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/** Creates records in a {@link QuickCreateDialog}, whose own lookups may create in turn. */
public final class QuickCreate implements QuickCreator {

  private final transient EditorContext context;
  private final Clock clock;

  public QuickCreate(EditorContext context, Clock clock) {
    this.context = context;
    this.clock = clock;
  }

  /** {@code context} with lookups that create records this way. */
  public static EditorContext offeredIn(EditorContext context, Clock clock) {
    return context.creating(new QuickCreate(context, clock));
  }

  @Override
  public void create(ObjectDefinition object, Consumer<JsonNode> created) {
    new QuickCreateDialog(offeredIn(context.on(object), clock), clock, Map.of(), created).open();
  }
}
