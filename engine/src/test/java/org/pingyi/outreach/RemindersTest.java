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
import java.util.TreeMap;
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

  /** How many of the wave's messages are in {@code status} now, read straight from PostgreSQL. */
  static long messages(TestEngine engine, String waveId, String status) throws Exception {
    return engine.count("SELECT count(*) FROM reminder_messages WHERE wave_id = ? AND status = ?", waveId, status);
  }

  /** phone → the distinct message ids the provider was sent for it (delivered or not). */
  static Map<String, Set<String>> messageIdsByPhone(TestSmsProvider provider) {
    Map<String, Set<String>> ids = new TreeMap<>();
    provider.requests().forEach(r -> ids.computeIfAbsent(r.to(), p -> new TreeSet<>()).add(r.messageId()));
    return ids;
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
      // While the provider is down every message is tried, refused, and kept for a retry.
      Eventually.await("every message tried and refused while the provider is down", () -> {
        try {
          return engine.count("SELECT count(*) FROM reminder_messages WHERE wave_id = ? AND last_error IS NOT NULL", wave);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, n -> n == expected.size(), Duration.ofSeconds(20));
      assertEquals(Map.of(), provider.delivered(), "nothing got through while the provider was down");
      JsonObject during = engine.api().get("/api/v1/admin/reminders/" + wave, Api.bearer(engine.operator())).json();
      assertEquals(new JsonObject().put("queued", expected.size()).put("sent", 0).put("failed", 0).put("skipped", 0), during,
          "refused attempts are retried, not reported sent or failed");
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
      for (String phone : wanted) {
        long attempts = provider.requests().stream().filter(r -> r.to().equals(phone)).count();
        assertTrue(attempts >= 2, phone + ": refused during the outage, then delivered (" + attempts + " attempts)");
      }
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
      Map<String, String> env = new HashMap<>(survivor.instanceEnv());
      env.put("PINGYI_SMS_GATEWAY_URL", provider.url());
      env.put("PINGYI_ADMIN_TOKENS", "operator:" + org.pingyi.auth.AdminTokens.sha256Hex(operator));
      // The survivor's own sender stays out of the way until the other instance is dead.
      survivor.engine().pauseReminders();
      String wave;
      try (EngineProcess doomed = EngineProcess.start(env)) {
        wave = doomed.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "huangdao"),
            "Authorization", "Bearer " + operator).json().getString("waveId");
        Eventually.await("60 reminders delivered by the doomed instance", () -> provider.delivered().size(), n -> n >= 60,
            Duration.ofSeconds(30));
        // The provider now holds its answers, so the kill lands while sends are under way.
        int received = provider.requests().size();
        provider.delay(3000);
        Eventually.await("a send under way", () -> provider.requests().size(), n -> n > received, Duration.ofSeconds(10));
        doomed.kill();
      }
      provider.delay(30);
      long sentAtKill = messages(survivor, wave, "sent");
      long underWayAtKill = messages(survivor, wave, "sending");
      long queuedAtKill = messages(survivor, wave, "queued");
      assertTrue(sentAtKill > 0 && sentAtKill < expected.size(), "the engine died mid-wave: " + sentAtKill + " of " + expected.size() + " sent");
      assertTrue(underWayAtKill > 0, "sends were under way at the kill");
      assertTrue(queuedAtKill > 0, "messages were still waiting at the kill");
      survivor.engine().resumeReminders();

      JsonObject status = awaitWave(survivor.api(), survivor.operator(), wave, s -> s.getLong("queued") == 0, 60);
      assertEquals(expected.size(), status.getLong("sent"));
      // The provider delivers each message id once: one delivered id per representative, each to its own phone.
      assertEquals(expected.size(), provider.delivered().size(), "one delivered message id per representative");
      assertEquals(expected.keySet(), new TreeSet<>(provider.delivered().values().stream().map(TestSmsProvider.Request::to).toList()));
      Map<String, Set<String>> idsByPhone = messageIdsByPhone(provider);
      idsByPhone.forEach((phone, ids) -> assertEquals(1, ids.size(), phone + " was sent different messages: " + ids));
      long repeats = provider.requests().size() - provider.delivered().size();
      assertTrue(repeats >= 1, "the sends under way at the kill were sent again (and dropped by their message id)");
      System.out.printf("killed mid-wave: %d sent and %d under way at the kill, %d in all, %d repeated request(s) dropped by message id%n",
          sentAtKill, underWayAtKill, provider.delivered().size(), repeats);
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
        Eventually.await("40 reminders delivered", () -> provider.delivered().size(), n -> n >= 40, Duration.ofSeconds(20));
        // The provider now answers slowly, so the stop lands while sends are under way.
        int received = provider.requests().size();
        provider.delay(300);
        Eventually.await("a send under way", () -> provider.requests().size(), n -> n > received, Duration.ofSeconds(10));
        first.engine().close();
        provider.delay(30);
        long sentAtStop = messages(first, wave, "sent");
        assertTrue(sentAtStop > 0 && messages(first, wave, "queued") > 0,
            "the stop came mid-wave: " + sentAtStop + " of " + expected.size() + " sent");
        assertEquals(0, messages(first, wave, "sending"), "a graceful stop settles every send under way");
        assertEquals(sentAtStop, provider.requests().size(), "every request made before the stop was settled as sent");
        try (TestEngine second = first.sibling(gateway(provider))) {
          JsonObject status = awaitWave(second.api(), second.operator(), wave, s -> s.getLong("queued") == 0, 60);
          assertEquals(expected.size(), status.getLong("sent"));
          assertEquals(expected.size(), provider.requests().size(), "a graceful stop lets sends under way finish: no repeats");
        }
      } finally {
        try {
          TestServers.dropDatabase(first.database());
        } finally {
          TestServers.dropRoles(first.database());
        }
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
      assertEquals(1, engine.count("SELECT count(*) FROM audit_log WHERE action = ?", "non-voters.export"));
      assertEquals(400, engine.api().postJson("/api/v1/admin/sessions/econ1-2024/reminders", new JsonObject().put("district", "mars"),
          "Authorization", "Bearer " + engine.operator()).status());
    }
  }
}
