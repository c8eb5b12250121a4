/**
 * User-facing text. Exceptions and validation results carry a message code and arguments, never
 * English sentences; {@link io.relata.platform.message.Messages} words them in the caller's
 * language from the resource bundle {@code io/relata/platform/message/messages}.
 */
package io.relata.platform.message;
