package io.relata.platform.automation;

import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.EmailTemplate;
import io.relata.platform.mail.Email;
import io.relata.platform.mail.MailJob;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * An email action: the template's message in each recipient's language (a user's own, or the
 * template's fallback; the fallback for an address in a field), its fields merged from the record
 * as it stands, queued in the write's transaction, one message per address. A recipient without an
 * address, or a field left empty, gets none.
 */
final class Mailing {

  private Mailing() {}

  static void send(ActionTarget target, Action.Email email) throws SQLException {
    EmailTemplate template =
        target.writes().snapshot().automations().template(email.template()).orElseThrow();
    Map<String, Object> record = target.record();
    Connection connection = target.writes().connection();
    String about = target.object().name() + "/" + target.id();
    if (email.to().equals("field")) {
      Object address = record.get(email.name().orElseThrow());
      if (address instanceof String to && !to.isBlank()) {
        queue(
            target,
            new Recipient(to, Optional.empty(), template.fallback(), email.name()),
            template,
            about);
      }
      return;
    }
    for (People.Person person : People.of(connection, email.to(), email.name(), record)) {
      if (person.email().isPresent()) {
        queue(
            target,
            new Recipient(
                person.email().get(),
                Optional.of(person.name()),
                person.language(),
                Optional.empty()),
            template,
            about);
      }
    }
  }

  /** An address, with its person's name, or the record's field it was read from. */
  private record Recipient(
      String address, Optional<String> name, String language, Optional<String> field) {}

  private static void queue(
      ActionTarget target, Recipient recipient, EmailTemplate template, String about)
      throws SQLException {
    Map<String, Object> record = target.record();
    String language =
        template.messages().containsKey(recipient.language())
            ? recipient.language()
            : template.fallback();
    EmailTemplate.Message message = template.message(language);
    MailJob.queue(
        target.automating().jobs(),
        target.writes().connection(),
        new Email(
            recipient.address(),
            recipient.name(),
            Notifying.merged(message.subject(), record),
            Notifying.merged(message.body(), record),
            language,
            about,
            recipient.field()));
  }
}
