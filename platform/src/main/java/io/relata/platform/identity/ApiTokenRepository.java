package io.relata.platform.identity;

import java.util.Optional;

/** The stored API tokens. */
public interface ApiTokenRepository {

  void add(ApiToken token);

  /** The token whose secret has this SHA-256 digest. */
  Optional<ApiToken> findByHash(byte[] tokenHash);
}
