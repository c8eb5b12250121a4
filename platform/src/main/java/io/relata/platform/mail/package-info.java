/**
 * Email the platform sends: messages queued as durable jobs in the transaction of the change that
 * causes them ({@link io.relata.platform.mail.MailJob}), and sent through Jakarta Mail to the SMTP
 * server the settings name ({@link io.relata.platform.mail.MailSettings}). May use {@code job} and
 * {@code json}.
 */
package io.relata.platform.mail;
