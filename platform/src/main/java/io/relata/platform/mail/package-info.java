/**
 * Email the platform sends: messages queued as durable jobs in the transaction of the change that
 * causes them ({@link io.relata.platform.mail.MailJob}), and sent through Jakarta Mail to the SMTP
 * server the settings name ({@link io.relata.platform.mail.MailSettings}); each message sent is an
 * entry of its record's audit trail, on its timeline ({@link io.relata.platform.mail.MailTrail}).
 * May use {@code job}, {@code audit} and {@code json}.
 */
package io.relata.platform.mail;
