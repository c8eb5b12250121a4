package io.relata.platform.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.record.RecordReader;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.access.RecordPredicate;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.rest.JsonBuilders;
import io.relata.platform.rest.ProblemException.Violation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The kinds of record write, each as what it does at the steps of the {@link WritePipeline}:
 * create, update, delete (to the recycle bin), restore and purge. Nothing here orders the steps or
 * runs a hook.
 */
final class RecordWrites {

  private static final String OWNER = "owner_id";

  private RecordWrites() {}

  /** A new record from the caller's values. */
  static WritePipeline.Write<StoredRecord> create(RecordInput input) {
    return create(input, Optional.empty());
  }

  /**
   * A new record from the caller's values, owned by {@code owner} when given (an automation's
   * record for someone else); a caller's values never name the owner of a new record.
   */
  static WritePipeline.Write<StoredRecord> create(RecordInput input, Optional<UUID> owner) {
    return new WritePipeline.Write<>(RecordChange.Kind.CREATE) {
      @Override
      void authorize(ObjectAccess access) {
        access.require("create");
        access.requireWritable(input.names());
        NewRecords.refuseReadOnly(input.names().iterator());
      }

      @Override
      Map<String, Object> read(Map<String, Object> before) {
        Map<String, Object> values = NewRecords.values(object(), input.json());
        owner.ifPresent(o -> values.put(OWNER, o));
        return values;
      }

      @Override
      boolean guarded() {
        return true;
      }

      @Override
      Map<String, Object> store(Connection connection, RecordChange change) throws SQLException {
        CompiledObject object = change.object();
        WriteContext context = change.context();
        NewRecords.requireLiveReferences(
            connection, change.snapshot(), writer, object, change.values());
        Map<String, Object> row =
            NewRecords.row(
                object, change.values(), context.actor().id(), context.now(), context.clock());
        NewRecords.assignAutoNumbers(connection, object, List.of(row));
        return RecordStore.insert(connection, object, row);
      }

      @Override
      StoredRecord answer(Connection connection, ObjectAccess access, RecordChange change) {
        return stored(access, change.object(), change.after(), change.context().clock());
      }
    };
  }

  /**
   * Changes the fields present in {@code input}. With {@code ifMatch}, a record whose version has
   * moved on is a 409 that carries the current record.
   */
  static WritePipeline.Write<StoredRecord> update(
      UUID id, RecordInput input, OptionalLong ifMatch) {
    boolean transfers = input.names().contains(OWNER);
    return new WritePipeline.Write<>(RecordChange.Kind.UPDATE) {
      @Override
      void authorize(ObjectAccess access) {
        access.require("edit");
        access.requireWritable(input.names());
        NewRecords.refuseReadOnly(
            input.names().stream().filter(name -> !name.equals(OWNER)).iterator());
      }

      @Override
      Map<String, Object> locate(Connection connection, ObjectAccess access) throws SQLException {
        Map<String, Object> current = lockEditable(connection, object(), id, access, false);
        requireVersion(access, object(), current, ifMatch, context.clock());
        if (transfers) {
          requireReach(connection, object(), id, access.transfer(), "transfer");
        }
        return current;
      }

      @Override
      Map<String, Object> read(Map<String, Object> before) {
        ObjectNode json = input.json();
        RecordReader.Result read = RecordReader.readChanges(object().definition(), json);
        NewRecords.invalidIf(read.problems());
        Map<String, Object> merged = new LinkedHashMap<>(before);
        merged.putAll(NewRecords.sanitised(object(), read.values()));
        return merged;
      }

      @Override
      boolean guarded() {
        return true;
      }

      @Override
      Map<String, Object> store(Connection connection, RecordChange change) throws SQLException {
        Map<String, Object> set = new LinkedHashMap<>();
        for (String name : input.names()) {
          set.put(name, change.values().get(name));
        }
        for (String name : change.changed()) {
          set.put(name, change.values().get(name));
        }
        // only references that change: an unchanged one was checked when it was written
        Map<String, Object> changed = new LinkedHashMap<>();
        change.changed().forEach(name -> changed.put(name, change.values().get(name)));
        NewRecords.requireLiveReferences(connection, change.snapshot(), writer, object(), changed);
        if (set.containsKey(OWNER)) {
          requireActiveUser(connection, set.get(OWNER));
        }
        set.put("updated_at", change.context().now());
        set.put("updated_by", change.context().actor().id());
        return RecordStore.update(connection, object(), id, set);
      }

      @Override
      StoredRecord answer(Connection connection, ObjectAccess access, RecordChange change) {
        return stored(access, change.object(), change.after(), change.context().clock());
      }
    };
  }

  /**
   * Moves the record to the recycle bin, with the master-detail children (and lookups declared
   * cascade) that hang from it. A record that a restrict lookup still refers to is a 409.
   */
  static WritePipeline.Write<Void> delete(UUID id, OptionalLong ifMatch) {
    return new Removal<>(RecordChange.Kind.DELETE, id, false, ifMatch) {
      @Override
      Map<String, Object> store(Connection connection, RecordChange change) throws SQLException {
        return RecycleBin.recycle(connection, change);
      }
    };
  }

  /** Takes the record out of the recycle bin, with what was deleted along with it. */
  static WritePipeline.Write<StoredRecord> restore(UUID id) {
    return new Removal<StoredRecord>(RecordChange.Kind.RESTORE, id, true, OptionalLong.empty()) {
      @Override
      Map<String, Object> store(Connection connection, RecordChange change) throws SQLException {
        return RecycleBin.restore(connection, change);
      }

      @Override
      StoredRecord answer(Connection connection, ObjectAccess access, RecordChange change)
          throws SQLException {
        // read again: restoring the children brought the record's own roll-ups back too
        Map<String, Object> live =
            RecordStore.find(connection, change.object(), id, false, false)
                .orElseThrow(() -> RecordNotFoundException.record(change.object().name(), id));
        return stored(access, change.object(), live, change.context().clock());
      }
    };
  }

  /**
   * Deletes a record in the recycle bin for good: its children go with it by foreign key, the
   * records about it by {@link AboutLinks#purge}.
   */
  static WritePipeline.Write<Void> purge(UUID id) {
    return new Removal<>(RecordChange.Kind.PURGE, id, true, OptionalLong.empty()) {
      @Override
      Map<String, Object> read(Map<String, Object> before) {
        return new LinkedHashMap<>(); // nothing is left of it
      }

      @Override
      Map<String, Object> store(Connection connection, RecordChange change) throws SQLException {
        CompiledObject object = change.object();
        String sql =
            "DELETE FROM " + object.table() + " WHERE \"id\" = ? AND \"deleted_at\" IS NOT NULL";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          statement.setObject(1, id);
          if (statement.executeUpdate() == 0) {
            throw RecordNotFoundException.record(object.name(), id);
          }
        }
        RecordShares.forget(connection, object.name(), id);
        AboutLinks.purge(connection, change.snapshot(), object.name(), id);
        return Map.of();
      }
    };
  }

  /**
   * A write that moves an existing record into the recycle bin, out of it, or away: it needs the
   * delete right on a record the writer may edit, live or {@code recycled}; values are not written.
   */
  private abstract static class Removal<T> extends WritePipeline.Write<T> {

    final UUID id;
    private final boolean recycled;
    private final OptionalLong ifMatch;

    Removal(RecordChange.Kind kind, UUID id, boolean recycled, OptionalLong ifMatch) {
      super(kind);
      this.id = id;
      this.recycled = recycled;
      this.ifMatch = ifMatch;
    }

    @Override
    void authorize(ObjectAccess access) {
      access.require("delete");
    }

    @Override
    Map<String, Object> locate(Connection connection, ObjectAccess access) throws SQLException {
      Map<String, Object> current = lockEditable(connection, object(), id, access, recycled);
      requireVersion(access, object(), current, ifMatch, context.clock());
      return current;
    }

    @Override
    Map<String, Object> read(Map<String, Object> before) {
      return new LinkedHashMap<>(before);
    }

    @Override
    T answer(Connection connection, ObjectAccess access, RecordChange change) throws SQLException {
      return null;
    }
  }

  /**
   * Locks the record for a change: 404 when the user may not read it (or it is not there), 403 when
   * they may read but not edit it.
   */
  static Map<String, Object> lockEditable(
      Connection connection, CompiledObject object, UUID id, ObjectAccess access, boolean recycled)
      throws SQLException {
    Map<String, Object> current =
        RecordStore.find(connection, object, id, recycled, true, access.read().condition())
            .orElseThrow(() -> RecordNotFoundException.record(object.name(), id));
    if (!reaches(connection, object, id, recycled, access.edit())) {
      throw AccessDeniedException.record("edit", object.name());
    }
    return current;
  }

  /** 403 for {@code operation} unless {@code predicate} reaches the live record. */
  private static void requireReach(
      Connection connection,
      CompiledObject object,
      UUID id,
      RecordPredicate predicate,
      String operation)
      throws SQLException {
    if (!reaches(connection, object, id, false, predicate)) {
      throw AccessDeniedException.record(operation, object.name());
    }
  }

  private static boolean reaches(
      Connection connection,
      CompiledObject object,
      UUID id,
      boolean recycled,
      RecordPredicate predicate)
      throws SQLException {
    return predicate.isAll()
        || RecordStore.find(connection, object, id, recycled, false, predicate.condition())
            .isPresent();
  }

  /**
   * 400 unless {@code owner} is an active user: a record is handed to someone who can work on it. A
   * user who does not exist and one who is frozen get the same answer.
   */
  private static void requireActiveUser(Connection connection, Object owner) throws SQLException {
    boolean active = false;
    if (owner instanceof UUID user) {
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT 1 FROM relata.app_user WHERE id = ? AND active FOR SHARE")) {
        statement.setObject(1, user);
        try (ResultSet found = statement.executeQuery()) {
          active = found.next();
        }
      }
    }
    if (!active) {
      NewRecords.invalidIfAny(
          List.of(
              new Violation(
                  "/" + OWNER,
                  owner == null ? "record.required" : "record.reference-missing",
                  List.of())));
    }
  }

  /** 409 with the current record when {@code ifMatch} names another version than the stored one. */
  private static void requireVersion(
      ObjectAccess access,
      CompiledObject object,
      Map<String, Object> current,
      OptionalLong ifMatch,
      Clock clock) {
    long version = ((Number) current.get("version")).longValue();
    if (ifMatch.isPresent() && ifMatch.getAsLong() != version) {
      ObjectNode json = stored(access, object, current, clock).json();
      throw new ConflictException(
          "problem.stale",
          List.of(),
          Map.of("current", JsonBuilders.read(JsonCodec.text(json))),
          ifMatch.getAsLong(),
          version);
    }
  }

  /** The record as the writer may see it: formulas computed, hidden fields left out. */
  static StoredRecord stored(
      ObjectAccess access, CompiledObject object, Map<String, Object> row, Clock clock) {
    Map<String, Object> values = access.strip(Formulas.compute(object, row, clock));
    return new StoredRecord(
        object.name(), values, RecordView.of(object, values, Optional.empty(), Map.of()));
  }
}
