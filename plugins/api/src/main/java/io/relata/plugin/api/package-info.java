/**
 * The plugin SPI: what a plugin implements and what the platform hands it. Every extension point
 * follows one pattern: a {@link io.relata.plugin.api.ProviderFactory} found through {@link
 * java.util.ServiceLoader}, identified by an id, ordered, initialised once with a {@link
 * io.relata.plugin.api.ProviderContext}, creating providers, closed when its plugin is uninstalled.
 * This package holds contracts only; the platform implements the other side.
 */
package io.relata.plugin.api;
