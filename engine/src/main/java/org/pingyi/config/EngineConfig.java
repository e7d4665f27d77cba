package org.pingyi.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.pingyi.http.AccessLog;
import org.pingyi.store.RedisStore;

/**
 * Everything the engine is told at start, validated once. Absent optional values keep their meaning from
 * API.md: no PostgreSQL or Redis URL starts an embedded server, no face-auth provider means demo mode.
 */
public record EngineConfig(
    int httpPort,
    Optional<String> pgUrl,
    int pgPoolSize,
    Optional<String> redisUrl,
    Path dataDir,
    Path edition,
    Path roster,
    Optional<FaceAuth> faceAuth,
    Optional<String> adminTokens,
    Optional<Sms> sms,
    int smsRatePerSecond,
    Profile profile,
    int managementPort,
    Limits limits,
    int hstsSeconds,
    Optional<String> pgMigrationUrl,
    Keys keys,
    Duration accessTokenLifetime,
    boolean redisCluster,
    boolean rehearsal,
    AccessLog.Mode accessLog,
    int warmUpBallots) {

  /** A rehearsal's PostgreSQL database is the configured one's name with this suffix, on the same server. */
  public static final String REHEARSAL_DATABASE_SUFFIX = "_rehearsal";
  /** A rehearsal's Redis keys and channels live under this namespace, on the same Redis. */
  public static final String REHEARSAL_REDIS_NAMESPACE = "pingyi-rehearsal";

  /** API.md: an access token lives at most one half-day of the broadcast. */
  public static final Duration MAX_ACCESS_TOKEN_LIFETIME = Duration.ofHours(4);

  public record FaceAuth(String issuer, String audience, String jwks) {}

  /**
   * What the engine takes on before it refuses: login attempts per face-auth subject a minute (across instances),
   * ballots queued or being written in this instance's writer, and the connections of the pool that serves public
   * reads (receipts, published results, readiness) apart from the ballot writer's.
   */
  public record Limits(int loginAttemptsPerMinute, int ballotsInFlight, int readPoolSize) {}

  public record Sms(String gatewayUrl, Optional<String> auth, Optional<String> template) {}

  /**
   * Key files (never the database): access-token signing, result signing (and retired result-signing public keys,
   * still published), the export's pseudonym key, the citizens' pseudonym key. Absent: generated under
   * {@code <dataDir>/keys} (never in production).
   */
  public record Keys(Optional<Path> accessToken, Optional<Path> results, Optional<Path> resultsRetired,
      Optional<Path> pseudonym, Optional<Path> citizenId) {}

  public enum Profile {
    DEVELOPMENT, PRODUCTION;

    public static Profile parse(String value) {
      return value == null || value.isBlank() ? DEVELOPMENT : Profile.valueOf(value.trim().toUpperCase());
    }
  }

  public boolean demoMode() {
    return faceAuth.isEmpty();
  }

  public boolean embeddedPostgres() {
    return pgUrl.isEmpty();
  }

  public boolean embeddedRedis() {
    return redisUrl.isEmpty();
  }

  public EngineConfig withAdminTokens(String tokens) {
    return new EngineConfig(httpPort, pgUrl, pgPoolSize, redisUrl, dataDir, edition, roster, faceAuth, Optional.ofNullable(tokens), sms,
        smsRatePerSecond, profile, managementPort, limits, hstsSeconds, pgMigrationUrl, keys, accessTokenLifetime,
        redisCluster, rehearsal, accessLog, warmUpBallots);
  }

  /** The namespace of every Redis key and channel this engine uses. */
  public String redisNamespace() {
    return rehearsal ? REHEARSAL_REDIS_NAMESPACE : RedisStore.NAMESPACE;
  }

}
