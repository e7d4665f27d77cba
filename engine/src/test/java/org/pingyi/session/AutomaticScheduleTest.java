package org.pingyi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.MutableClock;
import org.pingyi.support.SseRecorder;
import org.pingyi.support.TestEditions;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * Two engine instances on one PostgreSQL and Redis, both on a clock the test moves: sessions on the automatic
 * schedule open and close by themselves at their times, each exactly once, extend moves the close, opening and
 * closing by hand stay possible, and the phones on both instances hear every change.
 */
class AutomaticScheduleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void automaticSessionsOpenAndCloseExactlyOnceAcrossTwoInstancesAndExtendMovesTheClose() throws Exception {
    Path edition = TestEditions.withAutomatic("econ1-2024", "econ2-2024");
    MutableClock clock = new MutableClock(Instant.parse("2024-12-17T00:59:00Z"));
    Map<String, String> settings = Map.of("edition", edition.toString());
    try (TestEngine a = TestEngine.start(settings, clock);
         TestEngine b = a.sibling(settings, clock);
         SseRecorder phoneA = SseRecorder.follow(a.engine().httpPort(), "/api/v1/sessions/stream", null);
         SseRecorder phoneB = SseRecorder.follow(b.engine().httpPort(), "/api/v1/sessions/stream", null)) {
      phoneA.await(e -> is(e, "econ1-2024", "scheduled"), WAIT);
      phoneB.await(e -> is(e, "econ1-2024", "scheduled"), WAIT);
      schedulerLooked(a, b);
      assertEquals("scheduled", state(a, "econ1-2024"), "a minute before opensAt the session waits");

      clock.set(Instant.parse("2024-12-17T01:00:00Z"));
      phoneA.await(e -> is(e, "econ1-2024", "open"), WAIT);
      phoneB.await(e -> is(e, "econ1-2024", "open"), WAIT);
      String rep = a.activeRepresentatives(1).get(0);
      Api.Reply ballot = b.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          "Authorization", "Bearer " + a.accessToken(rep));
      assertEquals(201, ballot.status(), "the session the schedule opened takes ballots: " + ballot.body());
      // An automatic open is an open like any (issue 13): it locked the electorate and published its commitment.
      assertEquals(200, b.api().get("/api/v1/roster/commitment").status(), "the commitment is published at the lock");
      Api.Reply reimport = a.api().postBytes("/api/v1/admin/roster", HttpRequest.BodyPublishers.ofFile(TestEngine.DEMO_ROSTER),
          "Content-Type", "text/csv", "Authorization", "Bearer " + a.operator());
      assertEquals(409, reimport.status(), reimport.body());
      assertEquals("roster_locked", reimport.code());

      Api.Reply extended = b.api().postJson("/api/v1/admin/sessions/econ1-2024/extend", new JsonObject().put("minutes", 30),
          Api.bearer(b.operator()));
      assertEquals(200, extended.status(), extended.body());
      assertEquals("2024-12-17T04:30:00Z", extended.json().getString("closesAt"));
      phoneA.await(e -> is(e, "econ1-2024", "open") && "2024-12-17T04:30:00Z".equals(e.data().getString("closesAt")), WAIT);
      assertEquals("2024-12-17T04:30:00Z", session(a, "econ1-2024").getString("closesAt"), "the other instance lists the new time");

      clock.set(Instant.parse("2024-12-17T04:00:00Z"));
      schedulerLooked(a, b);
      assertEquals("open", state(a, "econ1-2024"), "the edition's closesAt has passed, the extended one has not");

      clock.set(Instant.parse("2024-12-17T04:30:00Z"));
      phoneA.await(e -> is(e, "econ1-2024", "closed"), WAIT);
      phoneB.await(e -> is(e, "econ1-2024", "closed"), WAIT);
      Api.Reply late = a.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          "Authorization", "Bearer " + a.accessToken(a.activeRepresentatives(2).get(1)));
      assertEquals("session_not_open", late.code(), "after the scheduled close no ballot is taken");

      // econ2: opened an hour and a half early by hand, closed early by hand; the schedule then has nothing to do.
      clock.set(Instant.parse("2024-12-17T05:00:00Z"));
      a.open("econ2-2024");
      clock.set(Instant.parse("2024-12-17T06:30:00Z"));
      schedulerLooked(a, b);
      assertEquals(200, b.api().post("/api/v1/admin/sessions/econ2-2024/close", "", Api.bearer(b.operator())).status());
      clock.set(Instant.parse("2024-12-17T09:30:00Z"));
      schedulerLooked(a, b);
      phoneB.await(e -> is(e, "econ2-2024", "closed"), WAIT);

      assertEquals(1, audits(a, "session.open", "econ1-2024", "system:scheduler"));
      assertEquals(1, audits(a, "session.close", "econ1-2024", "system:scheduler"));
      assertEquals(1, audits(a, "session.extend", "econ1-2024", "operator:"));
      assertEquals(1, audits(a, "session.open", "econ2-2024", "operator:"));
      assertEquals(1, audits(a, "session.close", "econ2-2024", "operator:"));
      assertEquals(0, audits(a, "session.", "econ2-2024", "system:"), "the schedule never touched econ2 after the hands did");
      for (SseRecorder phone : new SseRecorder[] {phoneA, phoneB}) {
        assertEquals(1, phone.count(e -> is(e, "econ1-2024", "open") && e.data().getString("closesAt").endsWith("04:00:00Z")),
            "each phone hears the open once");
        assertEquals(1, phone.count(e -> is(e, "econ1-2024", "closed")), "each phone hears the close once");
      }

      try (TestEngine c = a.sibling(settings, clock)) {
        assertEquals("2024-12-17T04:30:00Z", session(c, "econ1-2024").getString("closesAt"),
            "an instance started later (which writes the edition again) keeps the extension");
      }
    }
  }

  @Test
  void extendRefusesAClosedSessionBadMinutesAndAnAuditor() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      String path = "/api/v1/admin/sessions/econ1-2024/extend";
      Api.Reply bad = engine.api().postJson(path, new JsonObject().put("minutes", 0), Api.bearer(engine.operator()));
      assertEquals(400, bad.status());
      assertEquals("minutes", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
      assertEquals(400, engine.api().postJson(path, new JsonObject().put("minutes", "10"), Api.bearer(engine.operator())).status());
      assertEquals(400, engine.api().post(path, "not json", Api.bearer(engine.operator())).status());
      assertEquals(403, engine.api().postJson(path, new JsonObject().put("minutes", 10), Api.bearer(engine.auditor())).status());
      assertEquals(404, engine.api().postJson("/api/v1/admin/sessions/nope/extend", new JsonObject().put("minutes", 10),
          Api.bearer(engine.operator())).status());

      Api.Reply scheduled = engine.api().postJson(path, new JsonObject().put("minutes", 10), Api.bearer(engine.operator()));
      assertEquals(200, scheduled.status(), "a scheduled session can be extended before it opens");
      engine.open("econ1-2024");
      assertEquals(200, engine.api().post("/api/v1/admin/sessions/econ1-2024/close", "", Api.bearer(engine.operator())).status());
      Api.Reply closed = engine.api().postJson(path, new JsonObject().put("minutes", 10), Api.bearer(engine.operator()));
      assertEquals(409, closed.status());
      assertEquals("invalid_transition", closed.code());
      assertEquals(1, audits(engine, "session.extend", "econ1-2024", "operator:"), "only the accepted extension is audited");
    }
  }

  private static boolean is(SseRecorder.Event e, String id, String state) {
    return "session".equals(e.type()) && id.equals(e.data().getString("id")) && state.equals(e.data().getString("state"));
  }

  private static JsonObject session(TestEngine engine, String id) {
    return engine.api().get("/api/v1/sessions").array().stream().map(JsonObject.class::cast)
        .filter(s -> id.equals(s.getString("id"))).findFirst().orElseThrow();
  }

  private static String state(TestEngine engine, String id) {
    return session(engine, id).getString("state");
  }

  /** Waits until each instance's scheduler has checked twice more, so it has seen the clock as it is now. */
  private static void schedulerLooked(TestEngine... engines) throws Exception {
    for (TestEngine engine : engines) {
      double before = checks(engine);
      double after = Eventually.await(() -> checks(engine), n -> n >= before + 2, WAIT);
      assertTrue(after >= before + 2, "the scheduler of " + engine.engine().httpPort() + " checks every second");
    }
  }

  private static double checks(TestEngine engine) {
    return engine.management().get("/metrics").body().lines().filter(l -> l.startsWith("pingyi_schedule_checks_total"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private static long audits(TestEngine engine, String action, String target, String actor) throws Exception {
    try (var c = TestServers.connect(engine.database());
         PreparedStatement st = c.prepareStatement(
             "SELECT count(*) FROM audit_log WHERE starts_with(action, ?) AND target = ? AND starts_with(actor, ?)")) {
      st.setString(1, action);
      st.setString(2, target);
      st.setString(3, actor);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
