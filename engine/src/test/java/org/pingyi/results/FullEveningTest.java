package org.pingyi.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.Burst;
import org.pingyi.support.Eventually;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * One whole evening for a session with the full 3,000 representatives: vote, close, seal, the embargo on every
 * view, export, verify offline, publish. The live ranking and the sealed results both equal the test's own count of
 * the ballots it sent, and each other, once everything is committed.
 */
class FullEveningTest {
  static final Edition EDITION = EditionLoader.load(TestEngine.EDITION);
  static TestEngine engine;
  static Api api;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    api = engine.api();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private Api.Reply admin(String action, String session) {
    return api.post("/api/v1/admin/sessions/" + session + "/" + action, "", "Authorization", "Bearer " + engine.operator());
  }

  @Test
  void anEveningFromOpenToPublishedWithEveryRepresentative() throws Exception {
    String session = "econ1-2024";
    assertEquals(409, admin("close", session).status());
    assertEquals(409, admin("publish", session).status());
    assertEquals("invalid_transition", admin("seal", session).code());
    assertEquals(200, admin("open", session).status());
    assertEquals(409, admin("open", session).status());

    List<String> reps = engine.activeRepresentatives(3000);
    assertEquals(3000, reps.size());
    Map<String, String> weightClassOf = weightClasses();
    Random random = new Random(2024);
    Burst burst = new Burst(engine.engine().httpPort());
    Map<String, Map<String, String>> sent = new HashMap<>();
    HandCount hand = new HandCount(EDITION, session);
    for (String rep : reps) {
      JsonObject ballot = Ballots.random(Ballots.ECON1, random);
      Map<String, String> scores = new TreeMap<>();
      ballot.getJsonObject("scores").forEach(e -> scores.put(e.getKey(), (String) e.getValue()));
      sent.put(rep, scores);
      hand.count(weightClassOf.get(rep), scores);
      burst.post(rep, "/api/v1/sessions/" + session + "/ballots", ballot.encode(), "Authorization", "Bearer " + engine.accessToken(rep));
    }
    assertEquals(3000, burst.await().stream().filter(a -> a.status() == 201).count());
    List<HandCount.Figures> expected = hand.ranked();
    assertEquals(8, expected.size());
    expected.forEach(f -> assertEquals(3000, f.votes(), f.code()));

    String[] auditor = Api.bearer(engine.auditor());
    String[] operator = Api.bearer(engine.operator());
    JsonObject live = Eventually.await(() -> api.get("/api/v1/sessions/" + session + "/live", auditor).json(),
        j -> j.getLong("voted") == 3000, Duration.ofSeconds(20));
    assertEquals(3000, live.getLong("voted"));
    // The live ranking against the test's own count of the ballots it sent, department by department.
    JsonArray liveRanks = live.getJsonArray("rankings");
    assertEquals(8, liveRanks.size(), "every department of the group is ranked live");
    for (Object row : liveRanks) {
      JsonObject l = (JsonObject) row;
      HandCount.Figures f = hand.figures(l.getJsonObject("department").getString("code"));
      assertEquals(3000, l.getLong("votes"), f.code());
      assertSameNumber(f.score(), l.getValue("score"), f.code() + " live score");
    }
    assertEquals(true, api.get("/api/v1/admin/sessions/" + session + "/reconcile", auditor).json().getBoolean("consistent"));

    // Embargo before publication: only an auditor sees rankings or results, on every endpoint and stream.
    assertEquals("embargoed", api.get("/api/v1/sessions/" + session + "/live").code());
    assertEquals("embargoed", api.get("/api/v1/sessions/" + session + "/live", operator).code());
    assertEquals(403, api.get("/api/v1/sessions/" + session + "/live/stream").status());
    assertEquals("not_sealed", api.get("/api/v1/sessions/" + session + "/results", auditor).code());
    assertEquals(409, api.get("/api/v1/admin/sessions/" + session + "/ballots.ndjson", auditor).status());

    assertEquals(200, admin("close", session).status());
    var late = api.postJson("/api/v1/sessions/" + session + "/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
        "Authorization", "Bearer " + engine.accessToken(reps.get(0)));
    assertEquals(409, late.status());
    var sealed = admin("seal", session);
    assertEquals(200, sealed.status(), sealed.body());
    assertEquals("sealed", sealed.json().getString("state"));

    assertEquals("embargoed", api.get("/api/v1/sessions/" + session + "/results").code());
    assertEquals("embargoed", api.get("/api/v1/sessions/" + session + "/results", operator).code());
    assertEquals(403, api.get("/api/v1/sessions/" + session + "/results.csv").status());
    assertEquals(403, api.get("/api/v1/admin/sessions/" + session + "/ballots.ndjson", operator).status());
    var results = api.get("/api/v1/sessions/" + session + "/results", auditor);
    assertEquals(200, results.status());
    JsonObject document = results.json();
    assertEquals(3000, document.getLong("ballots"));
    assertEquals("sealed", document.getString("state"));
    assertTrue(results.body().contains("\"score\":"), results.body());
    assertTrue(engine.count("SELECT count(*) FROM audit_log WHERE action = ? AND actor LIKE ?", "embargoed.read", "auditor:%") >= 2);

    // The sealed results (PostgreSQL only) are the test's own count, rank by rank and figure by figure.
    JsonArray finalRanks = document.getJsonArray("results");
    assertEquals(8, finalRanks.size(), "every department of the group has a result");
    for (int i = 0; i < finalRanks.size(); i++) {
      JsonObject f = finalRanks.getJsonObject(i);
      HandCount.Figures e = expected.get(i);
      String where = "rank " + (i + 1);
      assertEquals(i + 1, f.getInteger("rank"), where);
      assertEquals(e.code(), f.getJsonObject("department").getString("code"), where);
      assertSameNumber(e.score(), f.getValue("score"), where + " score");
      assertSameNumber(e.rawMean(), f.getValue("rawMean"), where + " rawMean");
      assertSameNumber(e.satisfactionRate(), f.getValue("satisfactionRate"), where + " satisfactionRate");
      assertEquals(3000, f.getLong("votes"), where);
      assertEquals(new JsonObject(new LinkedHashMap<>(e.grades())), f.getJsonObject("grades"), where + " grades");
    }

    // The live ranking (Redis) equals the sealed results (PostgreSQL only), rank by rank.
    assertEquals(finalRanks.size(), liveRanks.size());
    for (int i = 0; i < liveRanks.size(); i++) {
      JsonObject l = liveRanks.getJsonObject(i);
      JsonObject f = finalRanks.getJsonObject(i);
      assertEquals(f.getInteger("rank"), l.getInteger("rank"));
      assertEquals(f.getJsonObject("department"), l.getJsonObject("department"));
      assertEquals(f.getValue("score").toString(), l.getValue("score").toString());
      assertEquals(f.getLong("votes"), l.getLong("votes"));
    }

    // An auditor exports the ballots and checks them the next morning, from files alone.
    Path ballots = dir.resolve("ballots.ndjson");
    HttpResponse<Path> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + engine.engine().httpPort() + "/api/v1/admin/sessions/" + session + "/ballots.ndjson"))
        .header("Authorization", "Bearer " + engine.auditor()).build(), HttpResponse.BodyHandlers.ofFile(ballots));
    assertEquals(200, export.statusCode());
    List<String> exported = Files.readAllLines(ballots);
    assertEquals(3000, exported.size());
    // The export holds exactly the ballots the test sent, and its chain recomputed by hand ends at chainRoot.
    Map<String, Map<String, String>> inExport = new HashMap<>();
    String chain = HandCount.sha256Hex("pingyi-ballot-chain-v1\n" + session);
    for (String line : exported) {
      JsonObject b = new JsonObject(line);
      Map<String, String> scores = new TreeMap<>();
      b.getJsonObject("scores").forEach(e -> scores.put(e.getKey(), (String) e.getValue()));
      assertEquals(null, inExport.put(b.getString("representative"), scores), "one line per representative");
      assertEquals(weightClassOf.get(b.getString("representative")), b.getString("weightClass"));
      chain = HandCount.chainStep(chain, line.substring(0, line.lastIndexOf(",\"hash\":")) + "}");
      assertEquals(chain, b.getString("hash"), "line " + b.getLong("seq"));
    }
    assertEquals(sent, inExport, "the export is the ballots sent");
    assertEquals(chain, document.getString("chainRoot"));
    Path resultsFile = dir.resolve("results.json");
    Files.writeString(resultsFile, results.body());
    var verdict = ResultsVerifier.verify(ballots, EDITION, resultsFile);
    assertTrue(verdict.verified(), verdict.message());
    assertNoPersonalData(Files.readString(ballots));

    assertEquals(200, admin("publish", session).status());
    var published = api.get("/api/v1/sessions/" + session + "/results");
    assertEquals(200, published.status());
    assertEquals("published", published.json().getString("state"));
    assertEquals(document.getJsonArray("results"), published.json().getJsonArray("results"));
    var csv = api.get("/api/v1/sessions/" + session + "/results.csv");
    assertEquals(200, csv.status());
    assertTrue(csv.body().startsWith("\uFEFFrank,code,department,score"), csv.body().substring(0, 40));
    assertEquals(9, csv.body().lines().count());
    assertEquals(200, api.get("/api/v1/sessions/" + session + "/live").status());
    assertEquals(409, admin("publish", session).status());
    assertTrue(new String(csv.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("市发展改革委"));
  }

  /** Representative id → weight class, as the roster import stored them. */
  private static Map<String, String> weightClasses() throws Exception {
    Map<String, String> classes = new HashMap<>();
    try (var c = TestServers.connect(engine.database());
         var st = c.prepareStatement("SELECT id, weight_class FROM representatives WHERE status = ?")) {
      st.setString(1, "active");
      var rs = st.executeQuery();
      while (rs.next()) {
        classes.put(rs.getString(1), rs.getString(2));
      }
    }
    return classes;
  }

  private static void assertSameNumber(BigDecimal expected, Object published, String what) {
    assertTrue(published != null && expected.compareTo(new BigDecimal(published.toString())) == 0,
        what + ": expected " + expected + ", published " + published);
  }

  /** Every name, phone and face-auth subject of the roster is absent from the export, token by token. */
  private static void assertNoPersonalData(String exported) throws Exception {
    Set<String> tokens = new HashSet<>(Arrays.asList(exported.split("[^\\p{L}\\p{N}_-]+")));
    List<String> roster = Files.readAllLines(TestEngine.DEMO_ROSTER);
    for (String line : roster.subList(1, roster.size())) {
      String[] cells = line.split(",");
      for (String personal : List.of(cells[1], cells[2], cells[6])) {
        assertTrue(!tokens.contains(personal), "the export is pseudonymous");
      }
    }
    assertTrue(!exported.contains("演示代表"), "the export carries no names");
  }
}
