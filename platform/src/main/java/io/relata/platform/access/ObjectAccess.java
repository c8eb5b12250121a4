package io.relata.platform.access;

import io.relata.metadata.access.FieldAccess;
import io.relata.metadata.access.ObjectPermissions;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.schema.RecordSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One user's access to one object, decided by {@link AccessEvaluator}: the object rights, the
 * access to each custom field (system fields are visible and never writable by clients), and which
 * records may be read and which edited.
 */
public final class ObjectAccess {

  private final ObjectDefinition object;
  private final ObjectPermissions rights;
  private final Set<String> custom;
  private final Map<String, FieldAccess> fields;
  private final RecordPredicate read;
  private final Lazy<RecordPredicate> edit;
  private final Lazy<RecordPredicate> share;
  private final Lazy<ObjectDefinition> visible;

  /**
   * The access decided so far; what editing and sharing reach is decided when first asked for: a
   * list, the most frequent request, needs only what reading reaches.
   */
  ObjectAccess(
      ObjectDefinition object,
      ObjectPermissions rights,
      Map<String, FieldAccess> fields,
      RecordPredicate read,
      Supplier<RecordPredicate> edit,
      Supplier<RecordPredicate> share) {
    this.object = object;
    this.rights = rights;
    Map<String, FieldAccess> all = new java.util.HashMap<>(fields);
    // the currency code of a per-record currency field is a column of its own, written and seen
    // exactly as the amount it belongs to
    for (FieldDefinition field : object.fields()) {
      if (field.type() instanceof FieldType.Currency currency && currency.perRecord()) {
        all.put(
            RecordSchema.currencyOf(field.name()),
            fields.getOrDefault(field.name(), FieldAccess.HIDDEN));
      }
    }
    this.custom = Set.copyOf(all.keySet());
    for (String system : SystemFields.NAMES) {
      all.putIfAbsent(system, rights.read() ? FieldAccess.READ_ONLY : FieldAccess.HIDDEN);
    }
    this.fields = Map.copyOf(all);
    this.read = rights.read() ? read : RecordPredicate.anyOf(List.of());
    this.edit = new Lazy<>(rights.edit() ? edit : () -> RecordPredicate.anyOf(List.of()));
    this.share = new Lazy<>(share);
    this.visible = new Lazy<>(this::visibleFields);
  }

  /**
   * The object without its hidden fields. A hidden stage takes the pipeline with it: every object
   * with a pipeline has a {@code stage} system field, so with the pipeline left in place the hidden
   * stage would come back as that system field in filters and sorts.
   */
  private ObjectDefinition visibleFields() {
    return new ObjectDefinition(
        object.name(),
        object.label(),
        object.pluralLabel(),
        object.description(),
        object.recordAccess(),
        object.nameField(),
        object.fields().stream().filter(f -> visible(f.name())).toList(),
        object.pipeline().filter(p -> visible("stage")),
        object.validationRules(),
        object.layouts(),
        object.listViews(),
        object.labels(),
        object.pluralLabels(),
        object.restoredFrom());
  }

  /** A value made at its first use, at most once per thread that races to it (all equal). */
  private static final class Lazy<T> {
    private final Supplier<T> make;
    private volatile T value;

    Lazy(Supplier<T> make) {
      this.make = make;
    }

    T get() {
      T made = value;
      if (made == null) {
        made = make.get();
        value = made;
      }
      return made;
    }
  }

  public String object() {
    return object.name();
  }

  /** The object rights, the union of the user's permission sets. */
  public ObjectPermissions rights() {
    return rights;
  }

  /**
   * The access to a field; system fields are read-only, unknown names hidden. One map lookup: it is
   * asked for every value of every record a list strips.
   */
  public FieldAccess field(String name) {
    return fields.getOrDefault(name, FieldAccess.HIDDEN);
  }

  public boolean visible(String field) {
    return field(field) != FieldAccess.HIDDEN;
  }

  /** The object's own fields (and currency codes) the user may not see. */
  public java.util.Set<String> hiddenFields() {
    java.util.Set<String> hidden = new java.util.TreeSet<>();
    for (String name : custom) {
      if (!visible(name)) {
        hidden.add(name);
      }
    }
    return hidden;
  }

  /** Whether the user may read the object's records and every field of them. */
  public boolean seesEveryField() {
    return rights.read() && custom.stream().allMatch(this::visible);
  }

  /**
   * The object as the user sees it: hidden fields are not there, so a filter, sort or column that
   * names one is refused as naming no field, exactly like a field that does not exist.
   */
  public ObjectDefinition visibleDefinition() {
    return visible.get();
  }

  /** The records the user may read. */
  public RecordPredicate read() {
    return read;
  }

  /** The records the user may edit (and delete, where the object allows deleting). */
  public RecordPredicate edit() {
    return edit.get();
  }

  /** The records whose manual and team shares the user may add and remove. */
  public RecordPredicate share() {
    return share.get();
  }

  /**
   * The records whose owner the user may change: the same reach as managing their shares (the
   * owner, a role above the owner's, modify-all), as in the CRMs users know.
   */
  public RecordPredicate transfer() {
    return share();
  }

  /**
   * {@code values} without the hidden fields; {@code values} itself, unchanged, when it holds none.
   * Lists strip every row, and most users see every field of most objects: no copy for them.
   */
  public Map<String, Object> strip(Map<String, Object> values) {
    boolean hides = false;
    for (String name : values.keySet()) {
      if (!visible(name)) {
        hides = true;
        break;
      }
    }
    if (!hides) {
      return values;
    }
    Map<String, Object> shown = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (visible(name)) {
            shown.put(name, value);
          }
        });
    return shown;
  }

  /** Refuses with 403 when the user lacks the object right {@code operation}. */
  public void require(String operation) {
    boolean held =
        switch (operation) {
          case "create" -> rights.create();
          case "read" -> rights.read();
          case "edit" -> rights.edit();
          case "delete" -> rights.delete();
          default -> throw new IllegalArgumentException(operation);
        };
    if (!held) {
      throw AccessDeniedException.object(operation, object.name());
    }
  }

  /** Refuses with 403 when any of {@code written} is not editable, naming every such field. */
  public void requireWritable(Iterable<String> written) {
    List<String> refused = new java.util.ArrayList<>();
    for (String name : written) {
      if (custom.contains(name) && field(name) != FieldAccess.EDITABLE) {
        refused.add(name);
      }
    }
    if (!refused.isEmpty()) {
      throw AccessDeniedException.fields(refused);
    }
  }
}
