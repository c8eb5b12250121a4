package io.relata.metadata.automation;

import java.net.URI;

/**
 * An endpoint automations call over HTTP. Its secret is not metadata: the platform keeps it, so
 * that documents can be shown, exported and shipped in plugins without it.
 *
 * @param active an inactive webhook is not called
 */
public record Webhook(String name, String label, URI url, boolean active) {}
