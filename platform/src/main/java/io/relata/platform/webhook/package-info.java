/**
 * Webhooks the platform calls: a call queued as a durable job in the transaction of the change that
 * causes it ({@link io.relata.platform.webhook.WebhookJob}), signed as Standard Webhooks sign them
 * ({@link io.relata.platform.webhook.Signature}) with a secret the platform keeps ({@link
 * io.relata.platform.webhook.WebhookSecrets}), retried with the queue's backoff, and each attempt
 * kept in the delivery log ({@link io.relata.platform.webhook.Deliveries}); a deleted webhook's
 * secret goes with it ({@link io.relata.platform.webhook.ForgottenSecrets}). May use {@code job},
 * {@code record} (for the current metadata), {@code metadata} (its change hook), {@code access},
 * {@code identity}, {@code database}, {@code time}, {@code rest} and {@code json}.
 */
package io.relata.platform.webhook;
