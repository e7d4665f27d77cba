package org.pingyi.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.pingyi.config.EngineConfig;
import org.pingyi.store.PgLocation;
import org.pingyi.store.Secrets;

/**
 * The face-auth provider the engine trusts: the configured one, or in demo mode the built-in development provider
 * (its key shared by all instances through PostgreSQL, its public JWKS written under the data directory and
 * verified like any provider's).
 */
public record FaceAuth(FaceTokenVerifier verifier, Optional<DevFaceAuthProvider> devProvider) {
  public static final String DEV_ISSUER = "urn:pingyi:dev-face-auth";
  public static final String DEV_AUDIENCE = "pingyi";

  /** Blocking; called at start. */
  public static FaceAuth configure(EngineConfig config, PgLocation postgres) throws Exception {
    Clock clock = Clock.systemUTC();
    if (config.faceAuth().isPresent()) {
      var provider = config.faceAuth().get();
      return new FaceAuth(new FaceTokenVerifier(provider.issuer(), provider.audience(), provider.jwks(), clock), Optional.empty());
    }
    String key = Secrets.getOrCreate(postgres, "dev-face-auth-key", () -> DevFaceAuthProvider.newKey().toJSONString());
    DevFaceAuthProvider dev = new DevFaceAuthProvider(DevFaceAuthProvider.parseKey(key), clock);
    Path jwks = config.dataDir().resolve("dev-face-auth-jwks.json").toAbsolutePath();
    dev.writeJwks(jwks);
    return new FaceAuth(new FaceTokenVerifier(DEV_ISSUER, DEV_AUDIENCE, jwks.toString(), clock), Optional.of(dev));
  }
}
