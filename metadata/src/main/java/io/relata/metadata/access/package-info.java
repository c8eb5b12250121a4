/**
 * The authorization model as metadata: roles in a hierarchy, permission sets and sharing rules,
 * read from their JSON documents, checked against the objects they name, and compiled into an
 * {@link io.relata.metadata.access.AccessModel}. Who holds which role, set or group is data and
 * lives in the platform; so does the evaluator that turns this model into SQL.
 */
package io.relata.metadata.access;
