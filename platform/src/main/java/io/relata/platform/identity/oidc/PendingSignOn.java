package io.relata.platform.identity.oidc;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;

/**
 * What a browser session keeps between sending the user to the provider and their return: the
 * one-time state (against forged callbacks), the nonce (against a replayed ID token) and the PKCE
 * verifier (against a stolen code). Never sent to the browser.
 */
public record PendingSignOn(
    String state, String nonce, String codeVerifier, URI redirectUri, Instant startedAt)
    implements Serializable {}
