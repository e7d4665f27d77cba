package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.Hashes;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;

/**
 * The office's way through a draw over the API, on a real engine: publish the pool, announce the seed's source,
 * enter the seed when due, draw, inspect, download, adopt. Each refusal is the API's problem; each step is
 * audit-logged; the published parts are public and the pool never is.
 */
class DrawApiTest {
  static TestEngine engine;
  static Api api;
  static byte[] pool;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
    api = engine.api();
    pool = TestPools.synthetic(TestPools.qingdao(), 12_000, 2025, 11);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static Api.Reply upload(byte[] csv, String year, String token) {
    return api.postBytes("/api/v1/admin/draws?year=" + year, HttpRequest.BodyPublishers.ofByteArray(csv),
        "Content-Type", "text/csv", "Authorization", "Bearer " + token);
  }

  static Api.Reply step(String id, String step, JsonObject body) {
    return api.postJson("/api/v1/admin/draws/" + id + "/" + step, body, Api.bearer(engine.operator()));
  }

  @Test
  void theOfficeDrawsFromAPublishedPoolAndAnyoneCanCheckIt() throws Exception {
    var published = upload(pool, "2025", engine.operator());
    assertEquals(201, published.status(), published.body());
    String id = published.json().getString("id");
    assertEquals("pool_published", published.json().getString("state"));
    assertEquals(HexFormat.of().formatHex(Hashes.sha256(pool)), published.json().getString("poolSha256"), "published at once");
    assertEquals(12_000, api.get("/api/v1/draws/" + id).json().getInteger("poolPeople"), "readable by anyone");
    assertEquals(409, upload(pool, "2025", engine.operator()).status(), "one draw under way per year");

    assertEquals("invalid_transition", step(id, "seed", new JsonObject().put("seed", "1 2 3")).code(), "no seed before its source");
    var past = step(id, "seed-source", new JsonObject().put("source", "双色球").put("knownAt", Instant.now().minusSeconds(60).toString()));
    assertEquals(400, past.status(), "a seed known already could have been fitted by the pool");
    Instant due = Instant.now().plusMillis(1500);
    var announced = step(id, "seed-source", new JsonObject().put("source", "中国福利彩票双色球第2024139期开奖号码").put("knownAt", due.toString()));
    assertEquals(200, announced.status(), announced.body());
    assertEquals(409, step(id, "seed-source", new JsonObject().put("source", "另一个").put("knownAt", due.plusSeconds(60).toString())).status());
    var early = step(id, "seed", new JsonObject().put("seed", "03 11 19 24 28 32 + 07"));
    assertEquals(409, early.status());
    assertTrue(early.json().getString("detail").contains("not due before"), early.body());
    assertEquals(409, step(id, "run", new JsonObject()).status());
    Thread.sleep(Math.max(0, due.toEpochMilli() - System.currentTimeMillis()) + 100);   // the announced time itself
    assertEquals(400, step(id, "seed", new JsonObject().put("seed", " 03 11")).status());
    assertEquals(200, step(id, "seed", new JsonObject().put("seed", "03 11 19 24 28 32 + 07")).status());
    assertEquals("03 11 19 24 28 32 + 07", api.get("/api/v1/draws/" + id).json().getString("seed"));

    var drawn = step(id, "run", new JsonObject());
    assertEquals(200, drawn.status(), drawn.body());
    assertEquals("drawn", drawn.json().getString("state"));
    var transcript = api.get("/api/v1/draws/" + id + "/transcript");
    assertEquals(200, transcript.status());
    byte[] transcriptBytes = transcript.body().getBytes(StandardCharsets.UTF_8);
    var verdict = DrawVerifier.verify(() -> new ByteArrayInputStream(pool), TestPools.qingdao(), transcriptBytes);
    assertTrue(verdict.verified(), verdict.message());
    assertFalse(transcript.body().contains("演示候选人"), "no names in the public transcript");
    assertEquals(drawn.json().getString("transcriptSha256"), HexFormat.of().formatHex(Hashes.sha256(transcriptBytes)));

    var local = new ByteArrayOutputStream();
    RosterDraw.run(() -> new ByteArrayInputStream(pool), new RosterDraw.Request(TestPools.qingdao(), 2025,
        "03 11 19 24 28 32 + 07", "中国福利彩票双色球第2024139期开奖号码"), local, new ByteArrayOutputStream());
    var roster = api.get("/api/v1/admin/draws/" + id + "/roster.csv", Api.bearer(engine.operator()));
    assertEquals(200, roster.status());
    assertArrayEquals(local.toByteArray(), roster.body().getBytes(StandardCharsets.UTF_8), "the command line draws the same roster");
    assertEquals(403, api.get("/api/v1/admin/draws/" + id + "/roster.csv", Api.bearer(engine.auditor())).status());
    assertEquals(401, api.get("/api/v1/admin/draws/" + id + "/roster.csv").status());

    JsonObject summary = api.get("/api/v1/admin/draws/" + id + "/summary", Api.bearer(engine.auditor())).json();
    assertEquals(3000, summary.getInteger("active"));
    JsonObject bySource = summary.getJsonObject("activeBySource");
    assertEquals(3000, bySource.getInteger("random") + bySource.getInteger("recommended") + bySource.getInteger("volunteer"));
    assertEquals(150, summary.getJsonArray("cells").size());

    var adopted = step(id, "adopt", new JsonObject());
    assertEquals(200, adopted.status(), adopted.body());
    assertEquals(3165, adopted.json().getInteger("imported"));
    assertEquals("adopted", adopted.json().getJsonObject("draw").getString("state"));
    assertEquals(3000, engine.count("SELECT count(*) FROM representatives WHERE id LIKE 'P%' AND status = 'active'"));
    assertEquals(165, engine.count("SELECT count(*) FROM representatives WHERE id LIKE 'P%' AND status = 'alternate'"));
    assertEquals(1, engine.count("SELECT count(*) FROM roster_draws WHERE state = 'adopted' AND pool IS NULL AND roster IS NULL"),
        "the pool and the drawn roster are deleted once adopted");
    assertEquals(404, api.get("/api/v1/admin/draws/" + id + "/roster.csv", Api.bearer(engine.operator())).status());
    assertEquals(409, step(id, "adopt", new JsonObject()).status());
    assertEquals(200, api.get("/api/v1/draws/" + id + "/transcript").status(), "the transcript stays public");
    for (String action : List.of("draw.pool_publish", "draw.seed_source", "draw.seed", "draw.run", "draw.roster_download",
        "draw.adopt", "roster.import")) {
      assertTrue(engine.count("SELECT count(*) FROM audit_log WHERE action = ?", action) >= 1, action);
    }
    assertEquals(0, engine.count("SELECT count(*) FROM audit_log WHERE detail::text LIKE '%演示候选人%' OR detail::text LIKE '%face-%'"));
  }

  @Test
  void aBadPoolAnInfeasibleOneAndTheWrongRoleAreRefusedAndNothingIsStored() throws Exception {
    long before = engine.count("SELECT count(*) FROM roster_draws");
    String bad = "id,name,phone,district,category,source,subject,servedYears\nX1,某某,10012345671,atlantis,resident,random,face-x1,\n";
    var refused = upload(bad.getBytes(StandardCharsets.UTF_8), "2027", engine.operator());
    assertEquals(422, refused.status());
    assertEquals("invalid_pool", refused.code());
    assertEquals("line 2", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertFalse(refused.body().contains("某某"));

    byte[] small = TestPools.synthetic(TestPools.qingdao(), 3_000, 2027, 2);
    var infeasible = upload(small, "2027", engine.operator());
    assertEquals(422, infeasible.status(), infeasible.body());
    assertEquals("infeasible_draw", infeasible.code());
    var first = infeasible.json().getJsonArray("errors").getJsonObject(0);
    assertTrue(first.getString("field").startsWith("cell "), first.encode());
    assertTrue(first.getString("message").contains("short by"), first.encode());

    assertEquals(403, upload(pool, "2027", engine.auditor()).status());
    assertEquals(401, api.postBytes("/api/v1/admin/draws?year=2027", HttpRequest.BodyPublishers.ofByteArray(pool), "Content-Type", "text/csv").status());
    assertEquals(400, upload(pool, "27", engine.operator()).status());
    assertEquals(before, engine.count("SELECT count(*) FROM roster_draws"));
  }

  @Test
  void aDiscardedDrawStaysPublicWithItsReasonAndItsPoolIsDeleted() throws Exception {
    var published = upload(pool, "2026", engine.operator());
    assertEquals(201, published.status(), published.body());
    String id = published.json().getString("id");
    assertEquals(400, step(id, "discard", new JsonObject()).status(), "a reason is required");
    var discarded = step(id, "discard", new JsonObject().put("reason", "区里补充了候选人"));
    assertEquals(200, discarded.status());
    assertEquals(1, engine.count("SELECT count(*) FROM roster_draws WHERE id = ? AND pool IS NULL", id));
    var shown = api.get("/api/v1/draws").array().stream().map(JsonObject.class::cast)
        .filter(d -> d.getString("id").equals(id)).findFirst().orElseThrow();
    assertEquals("discarded", shown.getString("state"));
    assertEquals("区里补充了候选人", shown.getString("discardReason"));
    assertEquals(201, upload(pool, "2026", engine.operator()).status(), "a new draw for the year may follow, in public");
    assertEquals(404, api.get("/api/v1/draws/draw-2026-00000000").status());
  }
}
