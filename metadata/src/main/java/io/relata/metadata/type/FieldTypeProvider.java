package io.relata.metadata.type;

import java.util.List;

/**
 * Adds field types, found with {@link java.util.ServiceLoader}: a plugin's types, each named with
 * the plugin's namespace ({@code acme__rating}), so that they can never take a built-in's name.
 */
public interface FieldTypeProvider {

  List<FieldTypeSpec> types();
}
