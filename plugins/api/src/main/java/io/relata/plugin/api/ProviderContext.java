package io.relata.plugin.api;

import java.time.Clock;
import java.util.Optional;

/**
 * What the platform hands a {@link ProviderFactory} when it starts: the identity of the plugin it
 * belongs to, the platform's clock (never read the system clock: tests control time through it) and
 * the plugin's settings.
 */
public interface ProviderContext {

  /** The namespace of the plugin that ships the factory, for example {@code "sales"}. */
  String pluginId();

  /** The platform's clock. */
  Clock clock();

  /** A setting of the plugin, as the admin configured it. */
  Optional<String> setting(String name);
}
