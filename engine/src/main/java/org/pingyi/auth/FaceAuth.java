package org.pingyi.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.pingyi.config.EngineConfig;
import org.pingyi.keys.EngineKeys;

/**
 * The face-auth provider the engine trusts: the configured one, or in demo mode the built-in development provider
 * (its key in a file under the data directory's keys, shared by instances that share it; its public JWKS written
 * under the data directory and verified like any provider's).
 */
public record FaceAuth(FaceTokenVerifier verifier, Optional<DevFaceAuthProvider> devProvider) {
  public static final String DEV_ISSUER = "urn:pingyi:dev-face-auth";
  public static final String DEV_AUDIENCE = "pingyi";

  /** Blocking; called at start. */
  public static FaceAuth configure(EngineConfig config, EngineKeys keys) throws Exception {
    Clock clock = Clock.systemUTC();
    if (config.faceAuth().isPresent()) {
      var provider = config.faceAuth().get();
      return new FaceAuth(new FaceTokenVerifier(provider.issuer(), provider.audience(), provider.jwks(), clock), Optional.empty());
    }
    DevFaceAuthProvider dev = new DevFaceAuthProvider(keys.devFaceAuth().orElseThrow(), clock);
    Path jwks = config.dataDir().resolve("dev-face-auth-jwks.json").toAbsolutePath();
    dev.writeJwks(jwks);
    return new FaceAuth(new FaceTokenVerifier(DEV_ISSUER, DEV_AUDIENCE, jwks.toString(), clock), Optional.of(dev));
  }
}
