package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.directory.Account;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.format.Values;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A field's value before or after a change, as the reader reads it: formatted as the record page
 * shows it, a reference by its name as far as the reader may see it — a record they may not read is
 * named by nothing more than that. Names are looked up once per reference, with the reader's
 * access.
 */
public final class ChangedValues {

  private final Actor actor;
  private final Values values;
  private final Workspace.View view;
  private final RecordService records;
  private final Users users;
  private final Map<UUID, String> names = new HashMap<>();
  private final Map<UUID, Optional<String>> recordNames = new HashMap<>();

  public ChangedValues(
      Actor actor, Values values, Workspace.View view, RecordService records, Users users) {
    this.actor = actor;
    this.values = values;
    this.view = view;
    this.records = records;
    this.users = users;
  }

  /** The values as the user of an editor's screen reads them. */
  public static ChangedValues of(EditorContext context) {
    return new ChangedValues(
        context.actor(), context.values(), context.view(), context.records(), context.users());
  }

  /** The value's text on {@code object}; "—" for no value. */
  public String text(ObjectDefinition object, FieldDefinition field, JsonNode value) {
    ObjectNode record = JsonCodec.object();
    record.set(field.name(), value == null ? JsonCodec.value(null) : value);
    Optional<UUID> ref = reference(field, value);
    if (ref.isPresent()) {
      record.set(
          field.name(),
          JsonCodec.object().put("id", ref.get().toString()).put("name", name(field, ref.get())));
    }
    String text = values.text(object, field, record);
    return text.isEmpty() ? "—" : text;
  }

  private static Optional<UUID> reference(FieldDefinition field, JsonNode value) {
    boolean referring =
        field.type() instanceof FieldType.User
            || field.type() instanceof FieldType.Lookup
            || field.type() instanceof FieldType.MasterDetail;
    if (!referring || value == null || !value.isTextual()) {
      return Optional.empty();
    }
    return io.relata.platform.rest.PathIds.uuid(value.asText());
  }

  private String name(FieldDefinition field, UUID ref) {
    return names.computeIfAbsent(
        ref,
        key -> {
          try {
            if (field.type() instanceof FieldType.User) {
              Account account = users.get(key);
              return account.displayName() == null || account.displayName().isBlank()
                  ? account.username()
                  : account.displayName();
            }
            String target =
                field.type() instanceof FieldType.Lookup lookup
                    ? lookup.target()
                    : ((FieldType.MasterDetail) field.type()).target();
            return recordName(target, key).orElseGet(Values::unseen);
          } catch (ProblemException unseen) {
            return Values.unseen();
          }
        });
  }

  /**
   * The name of record {@code id} of {@code object}, when the reader may read it and it is live;
   * empty otherwise (a record they may not read, in the recycle bin, or gone).
   */
  public Optional<String> recordName(String object, UUID id) {
    Optional<ObjectDefinition> readable = view.readable(object);
    if (readable.isEmpty()) {
      return Optional.empty();
    }
    return recordNames.computeIfAbsent(
        id,
        key -> {
          try {
            return Optional.of(
                records
                    .read(actor, object, key, List.of())
                    .json()
                    .path(readable.get().nameField())
                    .asText());
          } catch (ProblemException unseen) {
            return Optional.empty();
          }
        });
  }
}
