package io.relata.platform.identity.oidc;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Reads the single sign-on settings at start, so that a half-made one (an issuer without a client
 * secret, a plain-http issuer) stops the start with its reason instead of breaking the sign-in page
 * later; and says in the log whether single sign-on is on.
 */
@Singleton
@Startup
public class OidcStartupCheck {

  private static final Logger LOG = Logger.getLogger(OidcStartupCheck.class.getName());

  @Inject private OidcClient client;

  @PostConstruct
  void check() {
    client
        .settings()
        .ifPresent(on -> LOG.info(() -> "Single sign-on through " + on.issuer() + " is on"));
  }
}
