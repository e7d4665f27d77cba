package org.pingyi.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * Community venues: a tablet's ballot names its venue in a header; the engine counts newly stored ballots per
 * (session, venue) and never writes the venue on the ballot.
 */
class VenueTest {
  private static final String SESSION = "econ1-2024";
  private static final String BALLOTS = "/api/v1/sessions/" + SESSION + "/ballots";
  static TestEngine engine;
  static Api api;
  static List<String> reps;
  static int next;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    api = engine.api();
    engine.open(SESSION);
    reps = engine.activeRepresentatives(60);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  /** A representative no other test of this class uses. */
  private static synchronized String freshRep() {
    return reps.get(next++);
  }

  private Api.Reply vote(String rep, String venue, String key, JsonObject body) throws Exception {
    List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + engine.accessToken(rep)));
    if (venue != null) {
      headers.addAll(List.of(VenueBallots.HEADER, venue));
    }
    if (key != null) {
      headers.addAll(List.of("Idempotency-Key", key));
    }
    return api.postJson(BALLOTS, body, headers.toArray(String[]::new));
  }

  private long venueCount(String venue) throws Exception {
    return engine.count("SELECT coalesce(sum(ballots), 0) FROM venue_ballots WHERE session_id = ? AND venue = ?", SESSION, venue);
  }

  private long served(String venue) {
    var reply = api.get("/api/v1/admin/sessions/" + SESSION + "/venues", Api.bearer(engine.operator()));
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("venues").stream().map(JsonObject.class::cast)
        .filter(v -> v.getString("code").equals(venue)).findFirst().orElseThrow().getLong("ballots");
  }

  @Test
  void aVenueBallotCountsOnceForItsVenueAndAnIdempotentReplayOrASecondBallotAddsNothing() throws Exception {
    String first = freshRep();
    String second = freshRep();
    JsonObject body = Ballots.all(Ballots.ECON1, "satisfied");

    var stored = vote(first, "laoshan-1", "tablet-key-1", body);
    assertEquals(201, stored.status(), stored.body());
    assertEquals(1, venueCount("laoshan-1"));
    assertEquals(1, served("laoshan-1"));

    var replay = vote(first, "laoshan-1", "tablet-key-1", body);
    assertEquals(200, replay.status(), replay.body());
    assertEquals(stored.json(), replay.json(), "the replay is the first answer");
    assertEquals(1, venueCount("laoshan-1"), "a replay is not a new ballot");

    var again = vote(first, "laoshan-1", "tablet-key-2", Ballots.all(Ballots.ECON1, "dissatisfied"));
    assertEquals(409, again.status(), again.body());
    assertEquals("already_voted", again.code());
    assertEquals(1, venueCount("laoshan-1"), "a refused second ballot counts nothing");

    assertEquals(201, vote(second, "laoshan-1", "tablet-key-3", body).status());
    assertEquals(2, venueCount("laoshan-1"));
    assertEquals(1, engine.count("SELECT count(*) FROM ballots WHERE session_id = ? AND representative_id = ?", SESSION, second),
        "the second representative's ballot is stored under their own id");
  }

  @Test
  void aPhoneBallotWithoutTheHeaderCountsForNoVenue() throws Exception {
    long before = engine.count("SELECT coalesce(sum(ballots), 0) FROM venue_ballots");
    var reply = vote(freshRep(), null, "phone-key", Ballots.all(Ballots.ECON1, "fairly_satisfied"));
    assertEquals(201, reply.status(), reply.body());
    assertEquals(before, engine.count("SELECT coalesce(sum(ballots), 0) FROM venue_ballots"));
  }

  @Test
  void anUnknownVenueIsRefusedWithAProblemAndNothingIsStored() throws Exception {
    String rep = freshRep();
    List<String> unknown = List.of("nowhere", "", "SHINAN-1", "shinan");
    for (String venue : unknown) {
      var reply = vote(rep, venue, "key-" + venue.length(), Ballots.all(Ballots.ECON1, "satisfied"));
      assertEquals(422, reply.status(), venue + ": " + reply.body());
      assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
      assertEquals("unknown_venue", reply.code());
      assertEquals("urn:pingyi:problem:unknown_venue", reply.json().getString("type"));
      assertEquals(VenueBallots.HEADER, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    assertEquals(0, engine.count("SELECT count(*) FROM ballots WHERE representative_id = ?", rep), "no ballot stored");
    for (String venue : unknown) {
      assertEquals(0, engine.count("SELECT count(*) FROM venue_ballots WHERE venue = ?", venue), "no count for '" + venue + "'");
    }
    var later = vote(rep, "jimo-1", "key-later", Ballots.all(Ballots.ECON1, "satisfied"));
    assertEquals(201, later.status(), "the refused attempts left nothing behind: " + later.body());
  }

  @Test
  void ballotsArrivingTogetherAtOneVenueAreEachCounted() throws Exception {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      voters.add(freshRep());
    }
    ExecutorService tablets = Executors.newFixedThreadPool(8);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (String rep : voters) {
        replies.add(tablets.submit(() -> vote(rep, "huangdao-2", "k-" + rep, Ballots.all(Ballots.ECON1, "satisfied"))));
      }
      for (var reply : replies) {
        assertEquals(201, reply.get().status(), reply.get().body());
      }
    } finally {
      tablets.shutdown();
    }
    assertEquals(16, venueCount("huangdao-2"));
    assertEquals(16, served("huangdao-2"));
  }

  @Test
  void theCountsListEveryDeclaredVenueAndAreForOperatorsAndAuditorsOnly() throws Exception {
    String path = "/api/v1/admin/sessions/" + SESSION + "/venues";
    var reply = api.get(path, Api.bearer(engine.auditor()));
    assertEquals(200, reply.status(), reply.body());
    JsonObject body = reply.json();
    assertEquals(SESSION, body.getString("sessionId"));
    var venues = body.getJsonArray("venues");
    assertEquals(engine.engine().edition().venuesOrNone().size(), venues.size());
    assertEquals(new JsonObject().put("code", "shinan-1").put("district", "shinan").put("name", "市南区第一社区会场")
        .put("ballots", venues.getJsonObject(0).getLong("ballots")), venues.getJsonObject(0));
    assertEquals(venues.stream().mapToLong(v -> ((JsonObject) v).getLong("ballots")).sum(), body.getLong("ballots"));
    assertEquals("no-store", reply.header("Cache-Control"));

    var none = api.get(path);
    assertEquals(401, none.status());
    assertEquals("unauthenticated", none.code());
    var department = api.get(path, Api.bearer(engine.department("D01")));
    assertEquals(403, department.status());
    assertEquals("forbidden", department.code());
    var representative = api.get(path, Api.bearer(engine.accessToken(reps.get(0))));
    assertEquals(401, representative.status());
    assertEquals("invalid_token", representative.code());
    var unknown = api.get("/api/v1/admin/sessions/econ9-2024/venues", Api.bearer(engine.operator()));
    assertEquals(404, unknown.status());
    assertEquals("not_found", unknown.code());
  }

  @Test
  void theEditionNamesItsVenuesPublicly() {
    var venues = api.get("/api/v1/edition").json().getJsonArray("venues");
    assertEquals(13, venues.size());
    assertEquals(new JsonObject().put("code", "laixi-1").put("district", "laixi").put("name", "莱西市社区会场"),
        venues.getJsonObject(12));
  }

  @Test
  void nothingTiesABallotOrAPersonToAVenue() throws Exception {
    assertEquals(201, vote(freshRep(), "pingdu-1", "k-pingdu", Ballots.all(Ballots.ECON1, "basically_satisfied")).status());
    assertEquals(List.of("session_id", "venue", "ballots"), columns("venue_ballots"),
        "counts only: no ballot id, no representative, no time");
    assertTrue(columns("ballots").stream().noneMatch(c -> c.contains("venue")), "the ballot row has no venue: " + columns("ballots"));
    assertEquals(0, engine.count("SELECT count(*) FROM venue_ballots v JOIN representatives r"
        + " ON r.id IN (v.session_id, v.venue, v.ballots::text) OR r.subject IN (v.session_id, v.venue)"),
        "no representative's id or subject in any cell");
    String runtime = TestServers.runtimeRole(engine.database());
    for (String right : List.of("SELECT", "INSERT", "UPDATE")) {
      assertEquals(1, engine.count("SELECT count(*) WHERE has_table_privilege(?, 'venue_ballots', ?)", runtime, right), right);
    }
    for (String right : List.of("DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
      assertEquals(0, engine.count("SELECT count(*) WHERE has_table_privilege(?, 'venue_ballots', ?)", runtime, right), right);
    }
  }

  private List<String> columns(String table) throws Exception {
    List<String> names = new ArrayList<>();
    try (var c = TestServers.connect(engine.database());
         var st = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
      st.setString(1, table);
      var rs = st.executeQuery();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
