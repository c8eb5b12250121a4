/**
 * Bulk operations over the REST API: {@code POST /api/v1/records/{object}/bulk} updates, assigns or
 * deletes a list of records or everything a filter matches, each record through the record
 * service's write pipeline, with its progress kept as a job ({@code relata.bulk_job}) that {@code
 * GET /api/v1/bulk/{job}} reads while it runs.
 */
package io.relata.platform.bulk;
