package io.relata.platform.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.UUID;

/**
 * Sends one {@link Email} through the SMTP server of the settings, as UTF-8 plain text marked as
 * sent by a machine ({@code Auto-Submitted}, so that out-of-office replies stay away).
 */
final class Mailer {

  private Mailer() {}

  /**
   * Sends {@code email} with the Message-ID {@code <id@sender's domain>}: a retry sends the same
   * id, which lets mail clients show one message.
   */
  static void send(MailSettings settings, Email email, UUID id, OffsetDateTime at)
      throws MessagingException, UnsupportedEncodingException {
    if (!settings.configured()) {
      throw new IllegalStateException(
          "mail is not configured: set RELATA_MAIL_HOST and RELATA_MAIL_FROM");
    }
    Session session = Session.getInstance(settings.properties());
    InternetAddress from = new InternetAddress(settings.from(), true);
    String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + "@" + domain + ">");
          }
        };
    message.setFrom(from);
    InternetAddress to = new InternetAddress(email.to(), true);
    if (email.name().isPresent()) {
      to = new InternetAddress(to.getAddress(), email.name().get(), "UTF-8");
    }
    message.setRecipient(Message.RecipientType.TO, to);
    message.setSubject(email.subject(), "UTF-8");
    message.setText(email.body(), "UTF-8");
    message.setHeader("Content-Language", email.language());
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setSentDate(Date.from(at.toInstant()));
    if (settings.username().isPresent()) {
      Transport.send(message, settings.username().get(), settings.password().orElse(""));
    } else {
      Transport.send(message);
    }
  }
}
