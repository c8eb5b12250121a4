/**
 * In-app notifications: what automations tell people ({@code notify}), kept per user, read over
 * {@code /api/v1/notifications} and in the shell's bell. Depends on the database and the REST
 * conventions only; the automation package sends them.
 */
package io.relata.platform.notification;
