package io.relata.platform.record;

import io.relata.metadata.access.AccessModel;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.OnDelete;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ModelObjects;
import io.relata.platform.access.Subjects;
import io.relata.platform.identity.Actor;
import io.relata.platform.metadata.MetadataService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The objects of the current metadata revision, compiled for records, and the links between them
 * that writes must follow (roll-ups, master-detail children, lookups). Rebuilt when the revision
 * changes; a request keeps the snapshot it started with.
 */
@ApplicationScoped
public class CompiledObjects {

  /** A roll-up field of {@code parent} that summarises {@code child} records. */
  record RollUpLink(String parent, FieldDefinition field, FieldType.RollUp rollUp) {}

  /** A field of {@code object} that refers to records of another object. */
  record Reference(String object, FieldDefinition field, OnDelete onDelete, boolean master) {}

  /** One revision, compiled. */
  public record Snapshot(
      long revision,
      Map<String, CompiledObject> objects,
      Map<String, List<RollUpLink>> rollUpsByChild,
      Map<String, List<Reference>> referencesByTarget,
      List<Reference> aboutAny,
      ModelObjects definitions,
      AccessModel access,
      io.relata.metadata.automation.Automations automations) {

    public Optional<CompiledObject> object(String name) {
      return Optional.ofNullable(objects.get(name));
    }

    /** The object {@code name}, or 404. */
    public CompiledObject required(String name) {
      return object(name).orElseThrow(() -> RecordNotFoundException.object(name));
    }

    /**
     * The actor's evaluator on this revision: from the holdings read with their API token, or read
     * on {@code connection} when there were none.
     */
    public AccessEvaluator evaluator(Connection connection, Actor actor, Clock clock)
        throws SQLException {
      return AccessEvaluator.of(Subjects.of(connection, actor), access, definitions, clock);
    }

    List<RollUpLink> rollUpsOf(String child) {
      return rollUpsByChild.getOrDefault(child, List.of());
    }

    List<Reference> referencesTo(String target) {
      return referencesByTarget.getOrDefault(target, List.of());
    }

    /**
     * The fields of type {@code about}, which may refer to a record of any object: deleted and
     * restored with it, like a master-detail's children.
     */
    public List<Reference> aboutAny() {
      return aboutAny;
    }
  }

  private final Supplier<CompiledModel> models;

  /** For CDI's proxy. */
  protected CompiledObjects() {
    this.models = null;
  }

  @Inject
  CompiledObjects(MetadataService metadata) {
    this.models = metadata::current;
  }

  /** The objects of whatever model {@code models} answers as current. */
  public CompiledObjects(Supplier<CompiledModel> models) {
    this.models = models;
  }

  private volatile Snapshot snapshot = compile(CompiledModel.empty());

  /** The compiled objects of the current revision. */
  public Snapshot current() {
    CompiledModel model = models.get();
    Snapshot known = snapshot;
    if (known.revision() != model.revision()) {
      known = compile(model);
      snapshot = known;
    }
    return known;
  }

  static Snapshot compile(CompiledModel model) {
    Map<String, CompiledObject> objects = new HashMap<>();
    Map<String, List<RollUpLink>> rollUps = new HashMap<>();
    Map<String, List<Reference>> references = new HashMap<>();
    List<Reference> about = new ArrayList<>();
    for (ObjectDefinition object : model.objects()) {
      objects.put(object.name(), new CompiledObject(object));
      for (FieldDefinition field : object.fields()) {
        if (field.type() instanceof FieldType.RollUp rollUp) {
          rollUps
              .computeIfAbsent(rollUp.object(), k -> new ArrayList<>())
              .add(new RollUpLink(object.name(), field, rollUp));
        } else if (field.type() instanceof FieldType.Lookup lookup) {
          references
              .computeIfAbsent(lookup.target(), k -> new ArrayList<>())
              .add(new Reference(object.name(), field, lookup.onDelete(), false));
        } else if (field.type() instanceof FieldType.MasterDetail md) {
          references
              .computeIfAbsent(md.target(), k -> new ArrayList<>())
              .add(new Reference(object.name(), field, OnDelete.CASCADE, true));
        } else if (field.type() instanceof FieldType.About) {
          about.add(new Reference(object.name(), field, OnDelete.CASCADE, true));
        }
      }
    }
    return new Snapshot(
        model.revision(),
        Map.copyOf(objects),
        Map.copyOf(rollUps),
        Map.copyOf(references),
        List.copyOf(about),
        ModelObjects.of(model),
        model.access(),
        model.automations());
  }
}
