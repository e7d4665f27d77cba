package org.pingyi.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/** Auditors see how many ballots look careless (never which ones), and the counts stay exactly as they were. */
class QualityFlagsTest {

  @Test
  void straightLinedAndFastBallotsAreCountedForAuditorsWithoutChangingAnyCount() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      List<String> reps = engine.activeRepresentatives(4);
      String quick = reps.get(0);       // reads the form, submits at once, one grade for all: straight-lined and fast
      String hurried = reps.get(1);     // reads the form, submits at once, mixed grades: fast
      String noForm = reps.get(2);      // never fetched a form, one grade for all: straight-lined, unmeasured
      String thoughtful = reps.get(3);  // the form was served an hour ago, mixed grades: no flag
      try (var c = TestServers.connect(engine.database());
           PreparedStatement st = c.prepareStatement("INSERT INTO ballot_forms VALUES ('econ1-2024', ?, now() - interval '1 hour')")) {
        st.setString(1, thoughtful);
        st.executeUpdate();
      }
      for (String rep : List.of(quick, hurried, thoughtful)) {
        Api.Reply form = engine.api().get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(engine.accessToken(rep)));
        assertEquals(200, form.status(), form.body());
      }
      long recorded = Eventually.await(() -> servings(engine), n -> n == 3, Duration.ofSeconds(10));
      assertEquals(3, recorded, "the servings reach PostgreSQL within a second or two");

      JsonObject mixed = Ballots.all(Ballots.ECON1, "satisfied");
      mixed.getJsonObject("scores").put("D08", "dissatisfied");
      submit(engine, quick, Ballots.all(Ballots.ECON1, "satisfied"));
      submit(engine, hurried, mixed);
      submit(engine, noForm, Ballots.all(Ballots.ECON1, "dissatisfied"));
      submit(engine, thoughtful, mixed);

      Api.Reply reply = engine.api().get("/api/v1/admin/sessions/econ1-2024/quality", Api.bearer(engine.auditor()));
      assertEquals(200, reply.status(), reply.body());
      JsonObject flags = reply.json();
      assertEquals(4, flags.getLong("ballots"));
      assertEquals(2, flags.getLong("straightLined"));
      assertEquals(2, flags.getLong("fast"));
      assertEquals(1, flags.getLong("unmeasured"));
      assertEquals(new JsonObject().put("minSecondsPerDepartment", 2).put("departments", 8).put("minSeconds", 16),
          flags.getJsonObject("thresholds"), "the thresholds come from the edition");
      assertTrue(!reply.body().contains(quick) && !reply.body().contains("R0"), "no ballot or representative is named");

      assertEquals(403, engine.api().get("/api/v1/admin/sessions/econ1-2024/quality", Api.bearer(engine.operator())).status(),
          "auditors only");
      assertEquals(4, engine.api().get("/api/v1/sessions/econ1-2024/turnout", Api.bearer(engine.operator())).json().getLong("voted"),
          "every flagged ballot still counts");
    }
  }

  private static void submit(TestEngine engine, String rep, JsonObject ballot) throws Exception {
    Api.Reply r = engine.api().postJson("/api/v1/sessions/econ1-2024/ballots", ballot, Api.bearer(engine.accessToken(rep)));
    assertEquals(201, r.status(), r.body());
  }

  private static long servings(TestEngine engine) {
    try {
      return engine.count("SELECT count(*) FROM ballot_forms");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
