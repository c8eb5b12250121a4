package io.relata.platform.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/** The user on whose behalf a request runs; every call into the platform carries one. */
public record Actor(UUID id, String username) implements Principal, Serializable {

  @Override
  public String getName() {
    return username;
  }
}
