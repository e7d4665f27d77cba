package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;

/**
 * A drawn roster once it is adopted: it goes through the locked electorate's rules (issue 13) and the roster import's
 * CSV rule (issue 20). Phones such as {@code +86 …} come through draw and adoption unchanged; a withdrawal after the
 * lock promotes the cell's next alternate in the transcript's draw order; after the lock a drawn roster is refused.
 */
class DrawAdoptionTest {
  static final String SEED = "03 11 19 24 28 32 + 07";

  private static Api.Reply step(TestEngine engine, String id, String step, JsonObject body) {
    return engine.api().postJson("/api/v1/admin/draws/" + id + "/" + step, body, Api.bearer(engine.operator()));
  }

  /** Publishes the pool, announces the seed's source, enters the seed when due and draws: the draw's id. */
  private static String drawn(TestEngine engine, byte[] pool) throws Exception {
    var published = engine.api().postBytes("/api/v1/admin/draws?year=2025", HttpRequest.BodyPublishers.ofByteArray(pool),
        "Content-Type", "text/csv", "Authorization", "Bearer " + engine.operator());
    assertEquals(201, published.status(), published.body());
    String id = published.json().getString("id");
    Instant due = Instant.now().plusMillis(1200);
    assertEquals(200, step(engine, id, "seed-source", new JsonObject().put("source", "双色球").put("knownAt", due.toString())).status());
    Thread.sleep(Math.max(0, due.toEpochMilli() - System.currentTimeMillis()) + 100);
    assertEquals(200, step(engine, id, "seed", new JsonObject().put("seed", SEED)).status());
    var run = step(engine, id, "run", new JsonObject());
    assertEquals(200, run.status(), run.body());
    return id;
  }

  /** The pool with international phones: every other one as an office would type it, the rest with the CSV guard. */
  private static byte[] poolWithInternationalPhones() {
    String[] lines = new String(TestPools.synthetic(TestPools.qingdao(), 12_000, 2025, 11), StandardCharsets.UTF_8).split("\n");
    StringBuilder out = new StringBuilder(lines[0]).append('\n');
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      cells[2] = (i % 2 == 0 ? "+86 " : "'+86 ") + cells[2];
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** docs/draw.md §12: pseudonym → id, from the pool file and the transcript's generator seed. */
  private static Map<String, String> idsByPseudonym(byte[] pool, JsonObject transcript) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update("pingyi-draw-pseudonym-v1\n".getBytes(StandardCharsets.UTF_8));
    sha.update(pool);
    sha.update(HexFormat.of().parseHex(transcript.getJsonObject("inputs").getString("generatorSeed")));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(sha.digest(), "HmacSHA256"));
    Map<String, String> ids = new HashMap<>();
    for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(new String(pool, StandardCharsets.UTF_8)))) {
      String id = r.get("id");
      ids.put(HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8))).substring(0, 16), id);
    }
    return ids;
  }

  @Test
  void internationalPhonesComeThroughDrawAndAdoptionUnchangedAndAWithdrawalPromotesTheTranscriptsNextAlternate()
      throws Exception {
    try (TestEngine engine = TestEngine.start(Map.of("roster", "/nonexistent/no-roster-yet.csv"))) {
      byte[] pool = poolWithInternationalPhones();
      String id = drawn(engine, pool);

      // roster.csv is neutralised like every CSV the engine writes; the import takes exactly that guard off.
      var roster = engine.api().get("/api/v1/admin/draws/" + id + "/roster.csv", Api.bearer(engine.operator()));
      assertEquals(200, roster.status());
      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(roster.body())).getRecords();
      assertEquals(3165, rows.size());
      assertTrue(rows.stream().allMatch(r -> r.get("phone").startsWith("'+86 100")), "written '+86 …: " + rows.get(0));
      var adopted = step(engine, id, "adopt", new JsonObject());
      assertEquals(200, adopted.status(), adopted.body());
      assertEquals(3165, engine.count("SELECT count(*) FROM representatives WHERE phone LIKE ?", "+86 100%"));
      assertEquals(0, engine.count("SELECT count(*) FROM representatives WHERE phone LIKE ?", "'%"));
      CSVRecord first = rows.get(0);
      assertEquals(1, engine.count("SELECT count(*) FROM representatives WHERE id = ? AND phone = ?", first.get("id"),
          first.get("phone").substring(1)), "the phone as the pool gave it");

      // Locked, a withdrawal promotes the first alternate of the cell in the transcript's draw order, then the next.
      assertEquals(200, engine.api().postJson("/api/v1/admin/roster/lock", new JsonObject(), Api.bearer(engine.operator())).status());
      JsonObject transcript = engine.api().get("/api/v1/draws/" + id + "/transcript").json();
      Map<String, String> ids = idsByPseudonym(pool, transcript);
      JsonObject cell = transcript.getJsonArray("cells").stream().map(JsonObject.class::cast)
          .filter(c -> !"city".equals(c.getString("district")) && c.getJsonObject("drawn").getJsonArray("alternates").size() >= 2
              && c.getInteger("seats") >= 2)
          .findFirst().orElseThrow();
      JsonObject drawnInCell = cell.getJsonObject("drawn");
      List<String> active = new ArrayList<>();
      for (String group : List.of("new", "returning")) {
        drawnInCell.getJsonArray(group).forEach(p -> active.add(ids.get((String) p)));
      }
      JsonArray alternates = drawnInCell.getJsonArray("alternates");
      for (int i = 0; i < 2; i++) {
        var withdrawal = engine.api().postJson("/api/v1/admin/representatives/" + active.get(i) + "/withdraw",
            new JsonObject().put("reason", "moved away"), Api.bearer(engine.operator()));
        assertEquals(200, withdrawal.status(), withdrawal.body());
        assertEquals(ids.get(alternates.getString(i)), withdrawal.json().getString("promoted"),
            "withdrawal " + (i + 1) + " in " + cell.getString("category") + "/" + cell.getString("district"));
      }
    }
  }

  @Test
  void aDrawnRosterAdoptedAfterTheFirstOpenIs409RosterLockedAndChangesNothing() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      String id = drawn(engine, TestPools.synthetic(TestPools.qingdao(), 12_000, 2025, 11));
      engine.open("econ1-2024");  // the first open locks the electorate
      long representatives = engine.count("SELECT count(*) FROM representatives");
      var refused = step(engine, id, "adopt", new JsonObject());
      assertEquals(409, refused.status(), refused.body());
      assertEquals("roster_locked", refused.code());
      assertEquals(representatives, engine.count("SELECT count(*) FROM representatives"), "nothing imported");
      assertEquals(0, engine.count("SELECT count(*) FROM representatives WHERE id LIKE ?", "P%"));
      assertEquals("drawn", engine.api().get("/api/v1/draws/" + id).json().getString("state"), "the draw is not adopted");
      assertEquals(200, engine.api().get("/api/v1/admin/draws/" + id + "/roster.csv", Api.bearer(engine.operator())).status(),
          "its roster is kept, so the office can still discard the draw in public");
    }
  }
}
