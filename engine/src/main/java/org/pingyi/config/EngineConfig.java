package org.pingyi.config;

import java.nio.file.Path;
import java.util.Optional;

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
    boolean redisCluster) {

  public record FaceAuth(String issuer, String audience, String jwks) {}

  /**
   * What the engine takes on before it refuses: login attempts per face-auth subject a minute (across instances),
   * ballots queued or being written in this instance's writer, and the connections of the pool that serves public
   * reads (receipts, published results, readiness) apart from the ballot writer's.
   */
  public record Limits(int loginAttemptsPerMinute, int ballotsInFlight, int readPoolSize) {}

  public record Sms(String gatewayUrl, Optional<String> auth, Optional<String> template) {}

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
        smsRatePerSecond, profile, managementPort, limits, hstsSeconds, redisCluster);
  }

}
