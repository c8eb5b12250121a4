/**
 * Records as the platform reads them: {@link io.relata.metadata.record.RecordReader} turns a
 * record's JSON into typed values (text, exact decimals, dates, instants, UUIDs) for SQL, or says
 * what is wrong with it. It decides exactly what the object's record JSON Schema decides — a test
 * holds the two to the same answers — but gives values the schema cannot.
 */
package io.relata.metadata.record;
