/**
 * JSON Schema (2020-12): the meta-schemas that govern each kind of metadata document, and (to come)
 * the schema each object compiles to for its records. Validation is networknt's; this package turns
 * its findings into {@link io.relata.metadata.problem.Problem}s.
 */
package io.relata.metadata.schema;
