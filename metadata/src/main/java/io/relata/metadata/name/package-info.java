/**
 * The rules for the names that admins and plugins give objects and fields. A name becomes a
 * PostgreSQL identifier (a table or a column), a JSON property of a record and a word of the filter
 * language, so it must be safe in all three: snake_case ASCII, at most 63 bytes, and none of the
 * words those languages reserve.
 */
package io.relata.metadata.name;
