package io.relata.plugin.api;

/**
 * Creates the providers of one extension point for one plugin.
 *
 * <p>The platform discovers factories with {@link java.util.ServiceLoader}, calls {@link
 * #init(ProviderContext)} once when the owning plugin is installed or the node starts, asks for
 * providers with {@link #create()}, and calls {@link #close()} when the plugin is uninstalled or
 * the node stops. Where two factories offer the same id, the lower {@link #order()} wins, so that a
 * plugin can knowingly replace a core provider.
 *
 * @param <P> the provider type of the extension point
 */
public interface ProviderFactory<P> extends AutoCloseable {

  /**
   * The id that metadata uses to refer to this provider, namespaced by the plugin (for example
   * {@code "acme.iban"}); lower-case letters, digits, dots and dashes.
   */
  String id();

  /** Precedence among factories with the same id; lower wins. Core providers use 1000. */
  default int order() {
    return 1000;
  }

  /** Called once before the first {@link #create()}. */
  default void init(ProviderContext context) {}

  /** A provider for one use; may return a shared, thread-safe instance. */
  P create();

  /** Releases what {@link #init(ProviderContext)} acquired. */
  @Override
  default void close() {}
}
