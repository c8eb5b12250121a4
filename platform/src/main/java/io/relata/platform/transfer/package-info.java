/**
 * Import and export of records as files: CSV (delimiter, encoding and decimal comma detected, as
 * Nordic Excel writes them) and NDJSON, streamed both ways; import jobs with progress, per-row
 * errors and resumption. The records themselves are checked and written by the record service.
 */
package io.relata.platform.transfer;
