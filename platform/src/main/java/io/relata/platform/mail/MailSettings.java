package io.relata.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server mail goes through ({@code relata.mail.*}, {@code RELATA_MAIL_*} in the
 * environment). Without a host no mail is sent: mail jobs fail saying so, and are kept for an admin
 * to retry once the server is set.
 */
@ApplicationScoped
public class MailSettings {

  /** How the connection to the server is secured. */
  public enum Security {
    /** Plain, then upgraded with STARTTLS; refused if the server cannot (port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    TLS,
    /** None: only for a server on the same host or in tests. */
    NONE
  }

  private Optional<String> host;
  private int port;
  private Security security;
  private Optional<String> username;
  private Optional<String> password;
  private Optional<String> from;

  /** For CDI's proxy. */
  protected MailSettings() {}

  @Inject
  MailSettings(
      @ConfigProperty(name = "relata.mail.host") Optional<String> host,
      @ConfigProperty(name = "relata.mail.port", defaultValue = "587") int port,
      @ConfigProperty(name = "relata.mail.security", defaultValue = "starttls") String security,
      @ConfigProperty(name = "relata.mail.username") Optional<String> username,
      @ConfigProperty(name = "relata.mail.password") Optional<String> password,
      @ConfigProperty(name = "relata.mail.from") Optional<String> from) {
    this(
        host,
        port,
        Security.valueOf(security.trim().toUpperCase(java.util.Locale.ROOT)),
        username,
        password,
        from);
  }

  /** Settings given as they are, for tests. */
  public MailSettings(
      Optional<String> host,
      int port,
      Security security,
      Optional<String> username,
      Optional<String> password,
      Optional<String> from) {
    this.host = host.filter(h -> !h.isBlank());
    this.port = port;
    this.security = security;
    this.username = username.filter(u -> !u.isBlank());
    this.password = password;
    this.from = from.filter(f -> !f.isBlank());
  }

  /** Whether a server is set: a host and a sender. */
  public boolean configured() {
    return host.isPresent() && from.isPresent();
  }

  /** The sender every message names, {@code Relata <crm@example.com>}. */
  public String from() {
    return from.orElseThrow(() -> new IllegalStateException("relata.mail.from is not set"));
  }

  Optional<String> username() {
    return username;
  }

  Optional<String> password() {
    return password;
  }

  /**
   * Jakarta Mail's session properties for this server, with timeouts so a job never hangs. Always
   * the {@code smtp} transport ({@code Transport.send} picks it for every internet address), with
   * TLS from the first byte when asked for.
   */
  Properties properties() {
    Properties properties = new Properties();
    String prefix = "mail.smtp.";
    properties.put(prefix + "host", host.orElseThrow());
    properties.put(prefix + "port", Integer.toString(port));
    properties.put(prefix + "auth", Boolean.toString(username.isPresent()));
    properties.put(prefix + "connectiontimeout", "10000");
    properties.put(prefix + "timeout", "30000");
    properties.put(prefix + "writetimeout", "30000");
    if (security == Security.STARTTLS) {
      properties.put(prefix + "starttls.enable", "true");
      properties.put(prefix + "starttls.required", "true");
    } else if (security == Security.TLS) {
      properties.put(prefix + "ssl.enable", "true");
    }
    if (security != Security.NONE) {
      properties.put(prefix + "ssl.checkserveridentity", "true");
    }
    return properties;
  }
}
