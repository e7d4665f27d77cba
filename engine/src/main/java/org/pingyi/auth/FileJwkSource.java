package org.pingyi.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A JWKS kept in a file. When a token names a key the cached set lacks, the file is read again (at most once per
 * {@code minRefresh}), so the provider's keys can rotate without restarting the engine.
 */
final class FileJwkSource implements JWKSource<SecurityContext> {
  private final Path file;
  private final Clock clock;
  private final Duration minRefresh;
  private volatile JWKSet keys;
  private volatile Instant loadedAt;

  FileJwkSource(Path file, Clock clock, Duration minRefresh) throws KeySourceException {
    this.file = file;
    this.clock = clock;
    this.minRefresh = minRefresh;
    reload();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    List<JWK> found = selector.select(keys);
    if (found.isEmpty() && clock.instant().isAfter(loadedAt.plus(minRefresh))) {
      synchronized (this) {
        if (clock.instant().isAfter(loadedAt.plus(minRefresh))) {
          reload();
        }
      }
      found = selector.select(keys);
    }
    return found;
  }

  private void reload() throws KeySourceException {
    try {
      keys = JWKSet.load(file.toFile());
      loadedAt = clock.instant();
    } catch (Exception e) {
      throw new KeySourceException("cannot read the JWKS file " + file, e);
    }
  }
}
