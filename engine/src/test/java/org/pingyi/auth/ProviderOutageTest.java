package org.pingyi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestProvider;

/** A face-auth provider whose keys cannot be fetched is an outage to retry, not a refusal of the representative. */
class ProviderOutageTest {

  @Test
  void loginAnswers503WithRetryAfterWhileTheProvidersKeysAreUnreachable() throws Exception {
    TestProvider provider = new TestProvider(Files.createTempDirectory("pingyi-outage").resolve("jwks.json"));
    try (TestEngine engine = TestEngine.start(Map.of(
        "faceAuth.issuer", TestProvider.ISSUER,
        "faceAuth.audience", TestProvider.AUDIENCE,
        "faceAuth.jwks", "https://127.0.0.1:1/jwks.json"))) {
      var reply = engine.api().postJson("/api/v1/auth/face",
          new JsonObject().put("idToken", provider.es256(engine.subjectOf(engine.activeRepresentatives(1).get(0)))));
      assertEquals(503, reply.status(), reply.body());
      assertEquals("unavailable", reply.code());
      assertNotNull(reply.header("Retry-After"));
      assertEquals(true, engine.management().get("/metrics").body().contains("pingyi_logins_total{outcome=\"jwks_unavailable\"} 1.0"));
    }
  }
}
