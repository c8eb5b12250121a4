package io.relata.metadata.definition;

import java.util.Optional;

/**
 * A condition every record must meet, in the safe expression language, checked on every write
 * through any channel.
 *
 * @param field the field the message is shown at; the whole record when empty
 */
public record ValidationRule(
    String name, String condition, String message, Optional<String> field, boolean active) {}
