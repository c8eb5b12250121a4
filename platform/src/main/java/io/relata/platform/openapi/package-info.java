/**
 * The OpenAPI description of the REST API, {@code GET /api/v1/openapi.json}: the fixed endpoints
 * and, generated from the current metadata revision, one set of record endpoints and one schema per
 * object — so that a client generated from it knows every field by its type.
 */
package io.relata.platform.openapi;
