/**
 * The OpenAPI description of the REST API, {@code GET /api/v1/openapi.json}: every endpoint
 * described once in this package's YAML fragments, the record endpoints instantiated for every
 * object the caller may read with its four schemas (as read, created, changed, and a page), the
 * metadata endpoints for every document kind — so that a client generated from it knows every field
 * by its type.
 */
package io.relata.platform.openapi;
