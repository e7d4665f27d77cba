package org.pingyi.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.EngineProcess;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;
import org.pingyi.support.TestSmsProvider;

/** Reminder waves through a real local HTTP provider: everyone who has not voted, once, whatever happens. */
class RemindersTest {

  static Map<String, String> gateway(TestSmsProvider provider) {
    return Map.of("sms.gatewayUrl", provider.url(), "sms.auth", "Bearer sms-test-key");
  }

  /** phone → representative id, for the active representatives of a district who have not voted in the session. */
  static Map<String, String> nonVoters(TestEngine engine, String session, String district) throws Exception {
    Map<String, String> byPhone = new HashMap<>();
    try (var c = TestServers.connect(engine.database());
         var st = c.prepareStatement("SELECT r.id, r.phone FROM representatives r WHERE r.status = 'active' AND r.district = ? "
             + "AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.session_id = ? AND b.representative_id = r.id)")) {
      st.setString(1, district);
      st.setString(2, session);
      var rs = st.executeQuery();
      while (rs.next()) {
        byPhone.put(rs.getString(2), rs.getString(1));
      }
    }
    return byPhone;
  }

  static List<String> activeIn(TestEngine engine, String district, int limit) throws Exception {
    try (var c = TestServers.connect(engine.database());
         var st = c.prepareStatement("SELECT id FROM representatives WHERE status = 'active' AND district = ? ORDER BY id LIMIT ?")) {
      st.setString(1, district);
      st.setInt(2, limit);
      var rs = st.executeQuery();
      List<String> ids = new java.util.ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return ids;
    }
  }

  static JsonObject awaitWave(Api api, String token, String waveId, java.util.function.Predicate<JsonObject> done, int seconds)
      throws InterruptedException {
    return Eventually.await(() -> api.get("/api/v1/admin/reminders/" + waveId, Api.bearer(token)).json(), done, Duration.ofSeconds(seconds));
  }

  static void vote(TestEngine engine, String rep) throws Exception {
    var reply = engine.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
        "Authorization", "Bearer " + engine.accessToken(rep));
    assertEquals(201, reply.status(), reply.body());
  }

  @Test
  void aWaveReachesEveryNonVoterOfTheDistrictExactlyOnce() throws Exception {
    try (TestSmsProvider provider = new TestSmsProvider(); TestEngine engine = TestEngine.start(gateway(provider))) {
      engine.open("econ1-2024");
      for (String rep : activeIn(engine, "jimo", 40)) {
        vote(engine, rep);
      }
      Map<String, String> expected = nonVoters(engine, "econ1-2024", "jimo");
      assertTrue(expected.size() > 200, "about 300 active representatives per district, 40 voted");

      var started = engine.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "jimo"),
          "Authorization", "Bearer " + engine.operator());
      assertEquals(202, started.status(), started.body());
      assertEquals(expected.size(), started.json().getLong("queued"));
      String wave = started.json().getString("waveId");

      JsonObject status = awaitWave(engine.api(), engine.operator(), wave, s -> s.getLong("queued") == 0, 30);
      assertEquals(new JsonObject().put("queued", 0).put("sent", expected.size()).put("failed", 0).put("skipped", 0), status);
      assertEquals(expected.size(), provider.requests().size(), "one request per representative, no repeats");
      assertEquals(expected.keySet(), new TreeSet<>(provider.requests().stream().map(TestSmsProvider.Request::to).toList()));
      TestSmsProvider.Request any = provider.requests().get(0);
      assertEquals("Bearer sms-test-key", any.authorization());
      assertTrue(any.text().contains("经济建设一组"), any.text());
      assertFalse(any.text().contains("演示代表"), "no names in the message");
      assertTrue(engine.management().get("/metrics").body().contains("pingyi_reminders_total{outcome=\"sent\"} " + expected.size() + ".0"));
    }
  }

  @Test
  void aProviderOutageIsRetriedAndSomeoneWhoVotesMeanwhileIsNotReminded() throws Exception {
    try (TestSmsProvider provider = new TestSmsProvider(); TestEngine engine = TestEngine.start(gateway(provider))) {
      engine.open("econ1-2024");
      provider.down(true);
      Map<String, String> expected = nonVoters(engine, "econ1-2024", "laixi");
      String wave = engine.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "laixi"),
          "Authorization", "Bearer " + engine.operator()).json().getString("waveId");
      Eventually.await(() -> provider.requests().size(), n -> n >= expected.size(), Duration.ofSeconds(20));
      String lateVoter = expected.values().iterator().next();
      vote(engine, lateVoter);
      provider.down(false);

      JsonObject status = awaitWave(engine.api(), engine.operator(), wave, s -> s.getLong("queued") == 0, 30);
      assertEquals(expected.size() - 1, status.getLong("sent"));
      assertEquals(1, status.getLong("skipped"));
      assertEquals(0, status.getLong("failed"));
      Set<String> deliveredTo = new TreeSet<>();
      provider.delivered().values().forEach(r -> deliveredTo.add(r.to()));
      Set<String> wanted = new TreeSet<>(expected.keySet());
      wanted.removeIf(phone -> expected.get(phone).equals(lateVoter));
      assertEquals(wanted, deliveredTo);
    }
  }

  @Test
  void aPhoneTheProviderKeepsRefusingIsReportedFailed() throws Exception {
    try (TestSmsProvider provider = new TestSmsProvider(); TestEngine engine = TestEngine.start(gateway(provider))) {
      engine.open("econ1-2024");
      Map<String, String> expected = nonVoters(engine, "econ1-2024", "pingdu");
      String refused = expected.keySet().iterator().next();
      provider.refuse(refused);
      String wave = engine.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "pingdu"),
          "Authorization", "Bearer " + engine.operator()).json().getString("waveId");
      JsonObject status = awaitWave(engine.api(), engine.operator(), wave, s -> s.getLong("queued") == 0, 40);
      assertEquals(1, status.getLong("failed"));
      assertEquals(expected.size() - 1, status.getLong("sent"));
      assertEquals(4, provider.requests().stream().filter(r -> r.to().equals(refused)).count(), "four attempts, then reported");
    }
  }

  @Test
  void anEngineKilledMidWaveLeavesNobodyOutAndNobodyRemindedTwice() throws Exception {
    try (TestSmsProvider provider = new TestSmsProvider(); TestEngine survivor = TestEngine.start(gateway(provider))) {
      provider.delay(30);
      survivor.open("econ1-2024");
      Map<String, String> expected = nonVoters(survivor, "econ1-2024", "huangdao");
      String operator = "operator-of-the-killed-instance";
      Map<String, String> env = Map.of(
          "PINGYI_PG_URL", TestServers.pgUrl(survivor.database()),
          "PINGYI_REDIS_URL", survivor.engine().config().redisUrl().orElseThrow(),
          "PINGYI_SMS_GATEWAY_URL", provider.url(),
          "PINGYI_ADMIN_TOKENS", "operator:" + org.pingyi.auth.AdminTokens.sha256Hex(operator));
      // The survivor's own sender stays out of the way until the other instance is dead.
      survivor.engine().pauseReminders();
      String wave;
      int deliveredAtKill;
      try (EngineProcess doomed = EngineProcess.start(env)) {
        wave = doomed.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "huangdao"),
            "Authorization", "Bearer " + operator).json().getString("waveId");
        Eventually.await(() -> provider.delivered().size(), n -> n >= 60, Duration.ofSeconds(30));
        doomed.kill();
        deliveredAtKill = provider.delivered().size();
      }
      assertTrue(deliveredAtKill < expected.size(), "the engine died mid-wave");
      survivor.engine().resumeReminders();

      JsonObject status = awaitWave(survivor.api(), survivor.operator(), wave, s -> s.getLong("queued") == 0, 60);
      assertEquals(expected.size(), status.getLong("sent"));
      assertEquals(expected.keySet(), new TreeSet<>(provider.delivered().values().stream().map(TestSmsProvider.Request::to).toList()));
      long repeats = provider.requests().size() - provider.delivered().size();
      assertTrue(repeats <= 20, "only messages in flight at the kill can repeat, and they carry the same message id: " + repeats);
      System.out.printf("killed mid-wave: %d delivered before the kill, %d in all, %d repeated request(s) dropped by message id%n",
          deliveredAtKill, provider.delivered().size(), repeats);
    }
  }

  @Test
  void aGracefulStopMidWaveRepeatsNothing() throws Exception {
    try (TestSmsProvider provider = new TestSmsProvider()) {
      provider.delay(30);
      TestEngine first = TestEngine.start(gateway(provider));
      try {
        first.open("econ1-2024");
        Map<String, String> expected = nonVoters(first, "econ1-2024", "licang");
        String wave = first.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "licang"),
            "Authorization", "Bearer " + first.operator()).json().getString("waveId");
        Eventually.await(() -> provider.delivered().size(), n -> n >= 40, Duration.ofSeconds(20));
        first.engine().close();
        try (TestEngine second = first.sibling(gateway(provider))) {
          JsonObject status = awaitWave(second.api(), second.operator(), wave, s -> s.getLong("queued") == 0, 60);
          assertEquals(expected.size(), status.getLong("sent"));
          assertEquals(expected.size(), provider.requests().size(), "a graceful stop lets sends under way finish: no repeats");
        }
      } finally {
        TestServers.dropDatabase(first.database());
      }
    }
  }

  @Test
  void aProviderThatTimesOutIsRetried() throws Exception {
    try (TestSmsProvider provider = new TestSmsProvider(); TestEngine engine = TestEngine.start(gateway(provider))) {
      engine.open("econ1-2024");
      Map<String, String> expected = nonVoters(engine, "econ1-2024", "chengyang");
      provider.slowFor(3, 4000);
      String wave = engine.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "chengyang"),
          "Authorization", "Bearer " + engine.operator()).json().getString("waveId");
      JsonObject status = awaitWave(engine.api(), engine.operator(), wave, s -> s.getLong("queued") == 0, 40);
      assertEquals(expected.size(), status.getLong("sent"));
      assertEquals(expected.size(), provider.delivered().size());
      assertTrue(provider.requests().size() > provider.delivered().size(), "the timed-out sends were tried again");
    }
  }

  @Test
  void inDemoModeRemindersLandInTheSinkFileAndNonVoterListsAreAudited() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      Map<String, String> expected = nonVoters(engine, "econ1-2024", "shinan");
      String wave = engine.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "shinan"),
          "Authorization", "Bearer " + engine.operator()).json().getString("waveId");
      awaitWave(engine.api(), engine.operator(), wave, s -> s.getLong("queued") == 0, 30);
      var lines = java.nio.file.Files.readAllLines(engine.engine().config().dataDir().resolve("sms-sink.ndjson"));
      assertEquals(expected.size(), lines.size());
      JsonObject first = new JsonObject(lines.get(0));
      assertEquals(java.util.Set.of("waveId", "to", "text"), first.fieldNames());
      assertEquals(wave, first.getString("waveId"));
      assertEquals(expected.keySet(), new TreeSet<>(lines.stream().map(l -> new JsonObject(l).getString("to")).toList()));

      var csv = engine.api().get("/api/v1/admin/sessions/econ1-2024/non-voters.csv?district=shinan", Api.bearer(engine.operator()));
      assertEquals(200, csv.status());
      assertTrue(csv.body().startsWith("\uFEFFid,name,phone,district,category"));
      assertEquals(expected.size() + 1, csv.body().lines().count());
      assertEquals(403, engine.api().get("/api/v1/admin/sessions/econ1-2024/non-voters.csv", Api.bearer(engine.auditor())).status());
      assertEquals(1, engine.count("SELECT count(*) FROM audit_log WHERE action = 'non-voters.export'"));
      assertEquals(400, engine.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "mars"),
          "Authorization", "Bearer " + engine.operator()).status());
    }
  }
}
