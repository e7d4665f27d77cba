package org.pingyi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lettuce.core.RedisClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.store.RedisStore;
import org.pingyi.http.Problems;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestProvider;

/**
 * At most 10 login attempts per face-auth subject a minute, across instances and both sign-ins (/auth/face,
 * /auth/citizen); beyond that 429 with Retry-After.
 */
class LoginLimitTest {
  static TestProvider provider;
  static TestEngine engine;
  static TestEngine sibling;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("pingyi-login-limit");
    provider = new TestProvider(dir.resolve("jwks.json"));
    Map<String, String> trust = Map.of("faceAuth.issuer", TestProvider.ISSUER, "faceAuth.audience", TestProvider.AUDIENCE,
        "faceAuth.jwks", provider.jwksFile().toString());
    engine = TestEngine.start(trust);
    sibling = engine.sibling(trust);
  }

  @AfterAll
  static void stop() {
    sibling.close();
    engine.close();
  }

  private static Api.Reply login(TestEngine on, String idToken) {
    return on.api().postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken));
  }

  /** The limit counts per clock minute; start a count well inside one. */
  private static void awaitFreshMinute() throws InterruptedException {
    long second = Instant.now().getEpochSecond() % 60;
    if (second > 45) {
      Thread.sleep((61 - second) * 1000);
    }
  }

  @Test
  void theEleventhAttemptInAMinuteIs429WithRetryAfterOnEveryInstance() throws Exception {
    awaitFreshMinute();
    String subject = engine.subjectOf("R000011");
    for (int i = 1; i <= 10; i++) {
      assertEquals(200, login(i % 2 == 0 ? engine : sibling, provider.es256(subject)).status(), "attempt " + i);
    }
    for (TestEngine on : List.of(engine, sibling)) {
      Api.Reply refused = login(on, provider.es256(subject));
      assertEquals(429, refused.status(), refused.body());
      assertEquals(Problems.CONTENT_TYPE, refused.header("Content-Type"));
      assertEquals("rate_limited", refused.code());
      int retryAfter = Integer.parseInt(refused.header("Retry-After"));
      assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
      assertFalse(refused.body().contains(subject));
    }
    assertEquals(200, login(engine, provider.es256(engine.subjectOf("R000013"))).status(), "others are not held back");
    assertTrue(engine.management().get("/metrics").body().contains("pingyi_logins_total{outcome=\"rate_limited\"} 1.0"));
  }

  @Test
  void citizenSignInsCountAgainstTheSameSubjectsLimit() throws Exception {
    awaitFreshMinute();
    String subject = engine.subjectOf("R000015");
    for (int i = 1; i <= 10; i++) {
      TestEngine on = i % 2 == 0 ? engine : sibling;
      String path = i <= 5 ? "/api/v1/auth/face" : "/api/v1/auth/citizen";
      var reply = on.api().postJson(path, new JsonObject().put("idToken", provider.es256(subject)));
      assertEquals(200, reply.status(), path + " attempt " + i + ": " + reply.body());
    }
    for (String path : List.of("/api/v1/auth/citizen", "/api/v1/auth/face")) {
      Api.Reply refused = sibling.api().postJson(path, new JsonObject().put("idToken", provider.es256(subject)));
      assertEquals(429, refused.status(), path + ": " + refused.body());
      assertEquals("rate_limited", refused.code());
      assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
    }
    assertTrue(sibling.management().get("/metrics").body().contains("pingyi_logins_total{outcome=\"citizen_rate_limited\"} 1.0"));
    var someoneElse = engine.api().postJson("/api/v1/auth/citizen", new JsonObject().put("idToken", provider.es256("face-not-held-back")));
    assertEquals(200, someoneElse.status(), "others are not held back");
  }

  @Test
  void forgedTokensNamingSomeoneDoNotUseUpTheirAttempts() throws Exception {
    awaitFreshMinute();
    String subject = engine.subjectOf("R000012");
    ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(provider.ecKey().getKeyID()).generate();
    for (int i = 0; i < 15; i++) {
      String forged = TestProvider.sign(subject, c -> { }, new ECDSASigner(foreign), JWSAlgorithm.ES256, foreign.getKeyID());
      assertEquals(401, login(engine, forged).status());
    }
    assertEquals(200, login(engine, provider.es256(subject)).status());
  }

  @Test
  void theCountersKeyNeverHoldsTheSubject() throws Exception {
    String subject = engine.subjectOf("R000014");
    assertEquals(200, login(engine, provider.es256(subject)).status());
    RedisClient client = RedisClient.create(engine.engine().config().redisUrl().orElseThrow());
    try (var redis = client.connect()) {
      List<String> keys = redis.sync().keys(RedisStore.NAMESPACE + ":" + LoginLimit.KEY_PREFIX + "*");
      assertFalse(keys.isEmpty(), "attempts are counted in Redis");
      for (String key : keys) {
        assertFalse(key.contains(subject), key);
        assertTrue(redis.sync().ttl(key) > 0, "every counter expires");
      }
    } finally {
      client.shutdown();
    }
  }
}
