package org.pingyi.rehearsal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pingyi.Engine;
import org.pingyi.auth.AdminRole;
import org.pingyi.config.EngineConfig;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * A whole dress rehearsal beside a real edition on the same PostgreSQL server and Redis database: synthetic phones
 * vote through the rehearsal engine's HTTP path, the office closes, seals, verifies and publishes, reminders go out to
 * the rehearsal's sink; then the reset removes it. The real edition's tables, counters and exports are byte for byte
 * what they were before the rehearsal started, and its engine never saw any of it.
 */
class RehearsalTest {
  private static final String SESSION = "econ1-2024";

  @Test
  void aFullRehearsalRunsBesideTheRealEditionAndItsResetLeavesEveryRealTableCounterAndExportAsItWas() throws Exception {
    try (TestEngine real = TestEngine.start()) {
      Api api = real.api();
      String[] operator = Api.bearer(real.operator());
      String[] auditor = Api.bearer(real.auditor());
      // The real evening so far: econ1 voted, closed and sealed; econ2 open with a few ballots.
      real.open(SESSION);
      List<String> voters = real.activeRepresentatives(30);
      for (int i = 0; i < 20; i++) {
        vote(api, real, SESSION, voters.get(i), Ballots.ECON1);
      }
      assertEquals(200, api.post("/api/v1/admin/sessions/" + SESSION + "/close", "", operator).status());
      assertEquals(200, api.post("/api/v1/admin/sessions/" + SESSION + "/seal", "", operator).status());
      real.open("econ2-2024");
      List<String> econ2 = real.engine().edition().departmentsOf(real.engine().edition().session("econ2-2024").orElseThrow())
          .stream().map(d -> d.code()).toList();
      for (int i = 20; i < 25; i++) {
        vote(api, real, "econ2-2024", voters.get(i), econ2);
      }
      // The sweep raises its marks once the ballots have settled (10 s); after that nothing moves by itself.
      Eventually.await("the real counters settled", () -> redis(real).get("pingyi:{econ2-2024}:hwm"),
          mark -> mark != null, Duration.ofSeconds(30));
      String realExport = api.get("/api/v1/admin/sessions/" + SESSION + "/ballots.ndjson", auditor).body();
      String realResults = api.get("/api/v1/sessions/" + SESSION + "/results", auditor).body();
      Map<String, String> tablesBefore = tables(real.database());
      Map<String, String> countersBefore = persistentKeys(real);
      List<String> volatileBefore = volatileKeys(real);

      EngineConfig config = Rehearsals.configOf(real, 300);
      String rehearsalDatabase = real.database() + EngineConfig.REHEARSAL_DATABASE_SUFFIX;
      try {
        try (Engine rehearsal = Engine.start(config)) {
          Api practice = new Api(rehearsal.httpPort());
          String[] practiceOperator = Api.bearer(rehearsal.adminTokens().demoTokens().get(AdminRole.operator));
          String[] practiceAuditor = Api.bearer(rehearsal.adminTokens().demoTokens().get(AdminRole.auditor));

          assertEquals(404, api.get("/api/v1/admin/rehearsal", operator).status(), "the live engine runs no rehearsal");
          JsonObject empty = practice.get("/api/v1/admin/rehearsal", practiceOperator).json();
          assertEquals("qingdao-2024-rehearsal", empty.getJsonObject("edition").getString("id"));
          assertEquals(300, empty.getLong("representatives"));

          assertEquals(200, practice.post("/api/v1/admin/sessions/" + SESSION + "/open", "", practiceOperator).status());
          var refused = practice.postJson("/api/v1/admin/rehearsal/broadcast-ended",
              new JsonObject().put("sessionId", "econ2-2024").put("phones", 10).put("seconds", 2), practiceOperator);
          assertEquals("session_not_open", refused.code(), refused.body());
          var started = practice.postJson("/api/v1/admin/rehearsal/broadcast-ended",
              new JsonObject().put("sessionId", SESSION).put("phones", 120).put("seconds", 3), practiceOperator);
          assertEquals(202, started.status(), started.body());

          JsonObject run = Eventually.await("every synthetic phone answered", () -> practice.get("/api/v1/admin/rehearsal",
              practiceOperator).json().getJsonArray("runs").getJsonObject(0), r -> r.getString("finishedAt") != null,
              Duration.ofSeconds(60));
          assertEquals(120, run.getInteger("acknowledged"), run.encodePrettily());
          assertEquals(0, run.getInteger("errors"), run.encodePrettily());
          assertEquals(120, run.getJsonObject("outcomes").getInteger("201"), run.encodePrettily());
          assertNotNull(run.getJsonObject("latencyMs").getDouble("p99"));
          assertEquals(120, run.getJsonArray("acknowledgedPerSecond").stream().mapToInt(n -> (Integer) n).sum(),
              "the turnout curve holds every acknowledged ballot");
          var tooMany = practice.postJson("/api/v1/admin/rehearsal/broadcast-ended",
              new JsonObject().put("sessionId", SESSION).put("phones", 1000).put("seconds", 2), practiceOperator);
          assertEquals("malformed_request", tooMany.code(), "only 180 representatives are left to vote");

          // The office's evening on the rehearsal: a reminder wave, close, seal, verify, publish.
          var wave = practice.postJson("/api/v1/admin/sessions/" + SESSION + "/reminders", new JsonObject(), practiceOperator);
          assertEquals(202, wave.status(), wave.body());
          JsonObject sent = Eventually.await("the wave went to the rehearsal's sink", () -> practice.get("/api/v1/admin/rehearsal",
              practiceOperator).json().getJsonArray("reminderWaves").getJsonObject(0), w -> w.getLong("queued") == 0,
              Duration.ofSeconds(30));
          assertEquals(180, sent.getLong("sent") + sent.getLong("skipped"), sent.encodePrettily());
          assertTrue(Files.readString(config.dataDir().resolve("sms-sink.ndjson")).lines().count() > 0,
              "the rehearsal's messages went to its own file, never a gateway");
          assertEquals(200, practice.post("/api/v1/admin/sessions/" + SESSION + "/close", "", practiceOperator).status());
          assertEquals(200, practice.post("/api/v1/admin/sessions/" + SESSION + "/seal", "", practiceOperator).status());
          JsonObject verdict = practice.post("/api/v1/admin/rehearsal/sessions/" + SESSION + "/verify", "", practiceAuditor).json();
          assertTrue(verdict.getBoolean("verified"), verdict.encode());
          assertEquals(200, practice.post("/api/v1/admin/sessions/" + SESSION + "/publish", "", practiceOperator).status());
          JsonObject published = practice.get("/api/v1/sessions/" + SESSION + "/results").json();
          assertEquals(120, published.getLong("ballots"), "the rehearsal's published results count its phones' ballots");
          JsonArray sessions = practice.get("/api/v1/admin/rehearsal", practiceOperator).json().getJsonArray("sessions");
          assertTrue(sessions.stream().map(JsonObject.class::cast)
              .anyMatch(s -> s.getString("id").equals(SESSION) && s.getLong("ballots") == 120 && "published".equals(s.getString("state"))));

          // Meanwhile the real engine heard nothing of it.
          JsonObject realEcon1 = api.get("/api/v1/sessions").array().stream().map(JsonObject.class::cast)
              .filter(s -> s.getString("id").equals(SESSION)).findFirst().orElseThrow();
          assertEquals("sealed", realEcon1.getString("state"));

          assertEquals(202, practice.post("/api/v1/admin/rehearsal/reset", "", practiceOperator).status());
          Eventually.await("the reset was handed to the command", () -> rehearsal.rehearsal().orElseThrow()
              .resetRequested().isComplete(), done -> done, Duration.ofSeconds(5));
        }
        RehearsalReset.Removed removed = RehearsalReset.run(config);
        assertEquals("dropped " + rehearsalDatabase, removed.database());
        assertTrue(removed.redisKeys() > 0, "the rehearsal had counters, spent ID tokens and marks of its own");
      } finally {
        TestServers.dropDatabase(rehearsalDatabase);
      }

      assertFalse(TestServers.databaseExists(rehearsalDatabase));
      assertFalse(Files.exists(config.dataDir()), "the rehearsal's directory is gone");
      assertTrue(redis(real).keys(EngineConfig.REHEARSAL_REDIS_NAMESPACE + ":*").isEmpty(), "no rehearsal key is left");
      assertEquals(tablesBefore, tables(real.database()), "every real table holds exactly what it held");
      assertEquals(countersBefore, persistentKeys(real), "every real counter is what it was");
      assertTrue(volatileBefore.containsAll(volatileKeys(real)), "no spent-token or limit key was added to the real namespace");
      assertEquals(realExport, api.get("/api/v1/admin/sessions/" + SESSION + "/ballots.ndjson", auditor).body());
      assertEquals(realResults, api.get("/api/v1/sessions/" + SESSION + "/results", auditor).body());
    }
  }

  private static void vote(Api api, TestEngine engine, String session, String representative, List<String> departments)
      throws Exception {
    var reply = api.postJson("/api/v1/sessions/" + session + "/ballots", Ballots.all(departments, "satisfied"),
        "Authorization", "Bearer " + engine.accessToken(representative), "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(201, reply.status(), reply.body());
  }

  /** Every table of the real database, as an ordered digest of its rows, and every sequence's position. */
  private static Map<String, String> tables(String database) throws Exception {
    Map<String, String> digests = new TreeMap<>();
    try (var c = TestServers.connect(database); var st = c.createStatement()) {
      List<String> names = new ArrayList<>();
      var rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      for (String name : names) {
        try (var digest = c.prepareStatement("SELECT format('SELECT count(*) || '':'' || coalesce(md5(string_agg(t::text, E''\\n'' "
            + "ORDER BY t::text)), '''') FROM %I t', ?::text)")) {
          digest.setString(1, name);
          var query = digest.executeQuery();
          query.next();
          var rows = st.executeQuery(query.getString(1));
          rows.next();
          digests.put(name, rows.getString(1));
        }
      }
      var sequences = st.executeQuery("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'");
      while (sequences.next()) {
        digests.put("sequence " + sequences.getString(1), String.valueOf(sequences.getObject(2)));
      }
    }
    return digests;
  }

  /** Keys without a lifetime in the real engine's Redis database (counters, marks), with their values. */
  private Map<String, String> persistentKeys(TestEngine real) {
    RedisCommands<String, String> redis = redis(real);
    Map<String, String> keys = new TreeMap<>();
    for (String key : redis.keys("*")) {
      if (redis.ttl(key) != -1) {
        continue;
      }
      String type = redis.type(key);
      String value = switch (type) {
        case "string" -> redis.get(key);
        case "hash" -> new TreeMap<>(redis.hgetall(key)).toString();
        case "set" -> new java.util.TreeSet<>(redis.smembers(key)).toString();
        default -> type;
      };
      keys.put(key, value);
    }
    return keys;
  }

  /** Keys that expire by themselves (spent ID tokens, login counters). */
  private List<String> volatileKeys(TestEngine real) {
    RedisCommands<String, String> redis = redis(real);
    return redis.keys("*").stream().filter(k -> redis.ttl(k) != -1).toList();
  }

  private RedisClient client;
  private RedisCommands<String, String> commands;

  /** One connection to the real engine's Redis database for the whole test. */
  private RedisCommands<String, String> redis(TestEngine real) {
    if (commands == null) {
      client = RedisClient.create(real.engine().config().redisUrl().orElseThrow());
      commands = client.connect().sync();
    }
    return commands;
  }

  @AfterEach
  void closeRedis() {
    if (client != null) {
      client.shutdown();
    }
  }
}
