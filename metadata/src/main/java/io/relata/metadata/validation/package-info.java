/**
 * Whether a set of definitions may become a metadata revision. Each rule returns its findings as
 * {@link io.relata.metadata.problem.Problem}s — a JSON pointer into the offending document, a
 * message code and its arguments — never as exceptions, so that one answer lists every problem.
 */
package io.relata.metadata.validation;
