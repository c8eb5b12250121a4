/**
 * Where a metadata document came from ({@link io.relata.metadata.origin.Origin}): Relata, a plugin
 * (id and version) or an admin, and whether an admin customised it.
 */
package io.relata.metadata.origin;
