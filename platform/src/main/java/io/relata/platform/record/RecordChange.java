package io.relata.platform.record;

import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import java.sql.Connection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One record's write as the {@link RecordHook hooks} see it: what kind of write, by whom ({@link
 * WriteContext}), the record before and after, and the transaction's connection. Before-save hooks
 * may change the values about to be stored; every hook may refuse the write at a field.
 */
public final class RecordChange {

  /** The kinds of write. */
  public enum Kind {
    CREATE,
    UPDATE,
    DELETE,
    RESTORE,
    PURGE
  }

  private final Kind kind;
  private final WriteContext context;
  private final CompiledObjects.Snapshot snapshot;
  private final CompiledObject object;
  private final Map<String, Object> before;
  private Map<String, Object> after;
  private Connection connection;
  private RecordHook.Stage stage;
  private final List<com.fasterxml.jackson.databind.node.ObjectNode> because =
      new java.util.ArrayList<>();
  private final List<RecordChange> caused = new java.util.ArrayList<>();
  private NestedWrites writes;
  private RecordChange parent;
  private final Set<String> claimed = new java.util.HashSet<>();
  private final Map<String, List<UUID>> cascaded = new java.util.LinkedHashMap<>();

  RecordChange(
      Kind kind,
      WriteContext context,
      CompiledObjects.Snapshot snapshot,
      CompiledObject object,
      Map<String, Object> before,
      Map<String, Object> after,
      Connection connection) {
    this.kind = kind;
    this.context = context;
    this.snapshot = snapshot;
    this.object = object;
    this.before = before;
    this.after = after;
    this.connection = connection;
  }

  public Kind kind() {
    return kind;
  }

  public WriteContext context() {
    return context;
  }

  public CompiledObject object() {
    return object;
  }

  /** The revision's objects, for hooks that follow links between objects. */
  public CompiledObjects.Snapshot snapshot() {
    return snapshot;
  }

  /** The record's id: known from the store stage on (and from the start for all but a create). */
  public UUID id() {
    Object id = after.get("id");
    return id != null ? (UUID) id : before == null ? null : (UUID) before.get("id");
  }

  /** The record as stored before the write; empty for a create. */
  public Optional<Map<String, Object>> before() {
    return Optional.ofNullable(before).map(Collections::unmodifiableMap);
  }

  /**
   * The record as it will be stored (before the store stage) or as it was stored (after it), by
   * column name; empty for a purge, which leaves no record.
   */
  public Map<String, Object> after() {
    return Collections.unmodifiableMap(after);
  }

  /** The fields whose value the write changes (all written ones for a create). */
  public Set<String> changed() {
    Set<String> changed = new LinkedHashSet<>();
    after.forEach(
        (name, value) -> {
          if (before == null || !same(before.get(name), value)) {
            changed.add(name);
          }
        });
    return changed;
  }

  /**
   * Whether two values of a field are the same value: a number or a moment written another way (60
   * and 60.00; 10:00+01:00 and 09:00Z) is no change of it.
   */
  private static boolean same(Object was, Object is) {
    if (was instanceof java.math.BigDecimal a && is instanceof java.math.BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (was instanceof java.time.OffsetDateTime a && is instanceof java.time.OffsetDateTime b) {
      return a.isEqual(b);
    }
    return Objects.equals(was, is);
  }

  /**
   * Sets a field's value before the record is stored; only before-save hooks may. The value is
   * stored as given: a hook writes typed values ({@code BigDecimal}, {@code LocalDate}, ...).
   */
  public void set(String field, Object value) {
    if (stage != RecordHook.Stage.BEFORE_SAVE) {
      throw new IllegalStateException("only a before-save hook may change a record, not " + stage);
    }
    if (object.field(field).isEmpty()
        && object.columns().stream().noneMatch(c -> c.name().equals(field))) {
      throw new IllegalArgumentException("no field " + field + " on " + object.name());
    }
    after.put(field, value);
  }

  /**
   * Sets fields from values in the REST API's JSON form, read by their field types as a client's
   * would be and rich text sanitised; a value a field does not take refuses the write at it. For
   * values a hook computed: nothing reaches the record that a writer could not have sent.
   */
  public void setAll(com.fasterxml.jackson.databind.node.ObjectNode values) {
    io.relata.metadata.record.RecordReader.Result read =
        io.relata.metadata.record.RecordReader.readChanges(object.definition(), values);
    if (!read.ok()) {
      throw InvalidRequestException.of(read.problems());
    }
    NewRecords.sanitised(object, read.values()).forEach(this::set);
  }

  /** The record as it will be stored, with its formula fields computed: what conditions read. */
  public Map<String, Object> computed() {
    return Collections.unmodifiableMap(Formulas.compute(object, after, context.clock()));
  }

  /** The stored record with its formula fields computed, as prior values; empty for a create. */
  public Optional<Map<String, Object>> computedBefore() {
    return before()
        .map(b -> Collections.unmodifiableMap(Formulas.compute(object, b, context.clock())));
  }

  /**
   * Says why the write changes what it changes (an automation, the assignment rule that chose the
   * owner): kept in its audit entry, shown on the record's timeline.
   */
  public void because(com.fasterxml.jackson.databind.node.ObjectNode reason) {
    because.add(reason.deepCopy());
  }

  /** The reasons given so far, in order. */
  public List<com.fasterxml.jackson.databind.node.ObjectNode> reasons() {
    return because.stream().map(r -> r.deepCopy()).toList();
  }

  /**
   * Writes in this write's transaction, each through the whole pipeline: for after-save hooks only,
   * once the record is stored.
   */
  public NestedWrites writes() {
    if (stage != RecordHook.Stage.AFTER_SAVE || writes == null) {
      throw new IllegalStateException("only an after-save hook may write other records");
    }
    return writes;
  }

  /** Refuses the write with a problem at {@code field}: nothing of the write is kept. */
  public void refuse(String field, String code, Object... args) {
    throw new InvalidRequestException(
        List.of(new Violation(field.isEmpty() ? "" : "/" + field, code, List.of(args))));
  }

  /** The write's connection, in its transaction; none for after-commit hooks. */
  public Connection connection() {
    if (connection == null) {
      throw new IllegalStateException("an after-commit hook has no transaction");
    }
    return connection;
  }

  void enter(RecordHook.Stage stage) {
    this.stage = stage;
    if (stage == RecordHook.Stage.AFTER_COMMIT) {
      connection = null;
    }
  }

  /**
   * Whether {@code key} is claimed here for the first time in the transaction of the write a person
   * made, counting every write hooks made in it: an automation runs once per record in it, however
   * often the writes it causes trigger it again.
   */
  public boolean once(String key) {
    RecordChange root = this;
    while (root.parent != null) {
      root = root.parent;
    }
    return root.claimed.add(key);
  }

  /**
   * The records a delete or a restore moved along with this one (its master-detail children, and
   * theirs), by object, once the record is stored: a hook that guards records of its own (an
   * approval's lock) sees what the cascade touched.
   */
  public Map<String, List<UUID>> cascaded() {
    return Collections.unmodifiableMap(cascaded);
  }

  /** {@code ids} of {@code object} moved along with this record. */
  void cascaded(String object, List<UUID> ids) {
    cascaded.computeIfAbsent(object, o -> new java.util.ArrayList<>()).addAll(ids);
  }

  /** Makes this a write that an after-save hook of {@code parent} makes. */
  void causedBy(RecordChange parent) {
    this.parent = parent;
  }

  /** Lets after-save hooks write through {@code pipeline}. */
  void writesThrough(WritePipeline pipeline) {
    this.writes = new NestedWrites(pipeline, this);
  }

  /** A write an after-save hook made in this write's transaction. */
  void cause(RecordChange nested) {
    caused.add(nested);
  }

  /** The writes hooks made in this write's transaction, in order: their after-commit hooks run. */
  List<RecordChange> caused() {
    return caused;
  }

  /** The record as the store stage wrote it: what later stages see. */
  void stored(Map<String, Object> stored) {
    this.after = stored;
  }

  /** Back to {@code values}, as before a store that was rolled back, to store again. */
  void rewind(Map<String, Object> values) {
    this.after = new java.util.LinkedHashMap<>(values);
  }

  /** The mutable values before the store stage, for the pipeline's own steps. */
  Map<String, Object> values() {
    return after;
  }
}
