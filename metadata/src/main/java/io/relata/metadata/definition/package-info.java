/**
 * What an admin, a plugin or a script defines: objects, their fields (a closed set of types, each
 * with its own options), pipelines, validation rules, layouts and list views — immutable records,
 * read from the JSON documents of the metadata API by {@link
 * io.relata.metadata.definition.DefinitionReader} after the meta-schema has accepted them.
 */
package io.relata.metadata.definition;
