package org.pingyi.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.SseRecorder;
import org.pingyi.support.TestEngine;

/** Consoles follow turnout as a stream that moves with the ballots; the evening's ballots per minute add up. */
class TurnoutStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void everyConsoleHearsTurnoutChangeAsBallotsArriveAndOnlyWhenItChanges() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      int port = engine.engine().httpPort();
      String path = "/api/v1/sessions/econ1-2024/turnout/stream";
      try (SseRecorder operator = SseRecorder.follow(port, path, engine.operator());
           SseRecorder auditor = SseRecorder.follow(port, path, engine.auditor());
           SseRecorder nobody = SseRecorder.follow(port, path, null)) {
        operator.await(e -> voted(e) == 0, WAIT);
        auditor.await(e -> voted(e) == 0, WAIT);
        List<String> reps = engine.activeRepresentatives(3);
        for (String rep : reps) {
          Api.Reply r = engine.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
              Api.bearer(engine.accessToken(rep)));
          assertEquals(201, r.status(), r.body());
        }
        JsonObject last = operator.await(e -> voted(e) == 3, WAIT).data();
        auditor.await(e -> voted(e) == 3, WAIT);
        long byDistrict = last.getJsonArray("byDistrict").stream().mapToLong(d -> ((JsonObject) d).getLong("voted")).sum();
        assertEquals(3, byDistrict, "the districts add up to the ballots");
        assertEquals(engine.api().get("/api/v1/sessions/econ1-2024/turnout", Api.bearer(engine.operator())).json(), last,
            "the stream carries the turnout payload");
        Thread.sleep(2500);  // a quiet evening for two polls: nothing changed, so nothing more is sent
        assertEquals(1, operator.count(e -> voted(e) == 3), "an unchanged payload is not sent again");
        assertEquals(401, nobody.status(), "turnout is for operators and auditors");
      }

      JsonObject minutes = engine.api().get("/api/v1/sessions/econ1-2024/turnout/minutes", Api.bearer(engine.auditor())).json();
      long total = minutes.getJsonArray("minutes").stream().mapToLong(m -> ((JsonObject) m).getLong("ballots")).sum();
      assertEquals(3, total, "the ballots per minute add up to the ballots");
      assertTrue(minutes.getJsonArray("minutes").getJsonObject(0).getString("minute").endsWith(":00Z"));
    }
  }

  private static long voted(SseRecorder.Event e) {
    return "turnout".equals(e.type()) ? e.data().getLong("voted") : -1;
  }
}
