/**
 * What is wrong with a document, a condition or a record, as a value: a JSON pointer, a message
 * code and its arguments. Every layer reports problems this way; the text of each code lives with
 * the layer that shows it.
 */
package io.relata.metadata.problem;
