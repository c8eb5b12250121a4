package io.relata.metadata.type;

import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The one lookup of field types: the built-ins by kind, and the types plugins add ({@link
 * FieldTypeProvider}, found once with {@link ServiceLoader}) by their namespaced names.
 */
public final class FieldTypes {

  /** A plugin's type: its namespace, two underscores, a name ({@code acme__rating}). */
  public static final Pattern PLUGIN_NAME =
      Pattern.compile("[a-z][a-z0-9]{0,19}__[a-z][a-z0-9_]{0,39}");

  private static final Map<FieldKind, FieldTypeSpec> BUILT_IN = BuiltInTypes.all();
  private static final Map<String, FieldTypeSpec> PLUGGED = load();

  private FieldTypes() {}

  /** The specification of {@code type}; a plugin's type must have been registered. */
  public static FieldTypeSpec of(FieldType type) {
    if (type instanceof FieldType.Plugin plugin) {
      FieldTypeSpec spec = PLUGGED.get(plugin.name());
      if (spec == null) {
        throw new IllegalArgumentException("no plugin provides the field type " + plugin.name());
      }
      return spec;
    }
    return BUILT_IN.get(type.kind());
  }

  /** The column that stores a field of {@code type}; empty for values computed on read. */
  public static Optional<ColumnType> column(FieldType type) {
    return of(type).column(type);
  }

  /** The type named {@code id} in a document, built-in or a plugin's. */
  public static Optional<FieldTypeSpec> named(String id) {
    Optional<FieldKind> kind = FieldKind.of(id);
    return kind.isPresent()
        ? Optional.of(BUILT_IN.get(kind.get()))
        : Optional.ofNullable(PLUGGED.get(id));
  }

  private static Map<String, FieldTypeSpec> load() {
    Map<String, FieldTypeSpec> types = new LinkedHashMap<>();
    for (FieldTypeProvider provider :
        ServiceLoader.load(FieldTypeProvider.class, FieldTypes.class.getClassLoader())) {
      for (FieldTypeSpec spec : provider.types()) {
        if (!PLUGIN_NAME.matcher(spec.id()).matches()) {
          throw new IllegalStateException(
              "a plugin's field type needs a namespaced name like acme__rating: " + spec.id());
        }
        if (types.putIfAbsent(spec.id(), spec) != null) {
          throw new IllegalStateException("two plugins provide the field type " + spec.id());
        }
      }
    }
    return Map.copyOf(types);
  }
}
