package io.relata.platform.identity.oidc;

/**
 * A single sign-on that did not end with a user the provider vouches for. The reason is for the
 * server log; the browser only learns that it did not work.
 */
public class SignOnRefused extends Exception {

  private static final long serialVersionUID = 1L;

  public SignOnRefused(String reason) {
    super(reason);
  }

  public SignOnRefused(String reason, Throwable cause) {
    super(reason, cause);
  }
}
