package io.relata.metadata.automation;

import java.util.Map;

/**
 * A message automations send about a record of {@code object}: a subject and a plain-text body,
 * with the record's fields in braces ({@link MergeFields}), by language.
 *
 * @param messages the message by language ({@code en}, {@code sv}, {@code da}, {@code fi})
 * @param fallback the language whose message a reader of another language gets; it has one
 */
public record EmailTemplate(
    String name, String label, String object, Map<String, Message> messages, String fallback) {

  /** One language's subject and body. */
  public record Message(String subject, String body) {}

  public EmailTemplate {
    messages = Map.copyOf(messages);
    if (!messages.containsKey(fallback)) {
      throw new IllegalArgumentException("no message in the fallback language " + fallback);
    }
  }

  /** The message for a reader of {@code language}: theirs, or the fallback's. */
  public Message message(String language) {
    return messages.getOrDefault(language, messages.get(fallback));
  }
}
