package io.relata.metadata.access;

import java.util.Optional;

/** A place in the role hierarchy; {@code parent} is the role above, empty at the top. */
public record Role(String name, String label, Optional<String> parent) {}
