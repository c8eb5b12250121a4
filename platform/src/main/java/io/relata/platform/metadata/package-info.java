/**
 * The metadata engine at run time: revisions in PostgreSQL, the current compiled model, and the one
 * path by which the model changes — validate, diff, plan, migrate the tables and record the
 * revision in one transaction, then swap the compiled model. Also the REST API under {@code
 * /api/v1/metadata}.
 */
package io.relata.platform.metadata;
