package io.relata.metadata.kind;

import io.relata.metadata.schema.MetaSchema;

/**
 * A kind of metadata document: what the registry knows to store, serve and change it without code
 * of its own in the revision store or the resources.
 *
 * @param id the kind's name in paths and stored revisions: {@code /api/v1/metadata/{id}/{name}}
 * @param metaSchema the structure a document of the kind must have
 * @param readers who may read the documents
 * @param changesData whether a change may alter or drop stored records, and so may need the
 *     caller's confirmation of its plan
 * @param step how the kind's documents are checked and compiled into the model
 */
public record DocumentKind(
    String id, MetaSchema metaSchema, Readers readers, boolean changesData, CompileStep step) {

  /** Who may read a kind's documents. */
  public enum Readers {
    /**
     * Every user, each as they may see it: only the objects they may read, only the fields they may
     * see (the way Salesforce's describe answers).
     */
    DESCRIBED,
    /** Those who manage metadata or users: the documents say how everyone's access works. */
    MANAGERS,
    /**
     * Every signed-in user, each as they may see it: apps with the objects they may read,
     * dashboards with the widgets on what they may see; what a widget shows of records is computed
     * under the reader's own access.
     */
    USERS
  }
}
