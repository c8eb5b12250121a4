/**
 * The platform's JSON codec ({@link io.relata.platform.json.JsonCodec}): exact decimals, UTC
 * timestamps written digit by digit, strict parsing with a depth and size cap. A ground-floor
 * package: records, audit, metadata and REST all read and write JSON through it, and it depends on
 * none of them.
 */
package io.relata.platform.json;
