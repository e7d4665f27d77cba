package org.pingyi.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.OctetSequenceKey;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingyi.Hashes;
import org.pingyi.edition.EditionLoader;
import org.pingyi.keys.Pseudonyms;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * The electorate is locked before voting (by the operator or by the first open), imports stop, and the only change
 * left is a withdrawal that promotes the next alternate of the cell in draw order; every change is in the audit log
 * row by row and in the published commitment.
 */
class LockedElectorateTest {
  static final List<String> ECON2 = EditionLoader.load(TestEngine.EDITION).departmentsOf(
      EditionLoader.load(TestEngine.EDITION).session("econ2-2024").orElseThrow()).stream().map(d -> d.code()).toList();
  static final String HEADER = "id,name,phone,district,category,status,subject\n";

  private static Api.Reply importCsv(TestEngine engine, String csv) {
    return engine.api().post("/api/v1/admin/roster", csv, "Content-Type", "text/csv", "Authorization", "Bearer " + engine.operator());
  }

  private static Api.Reply operator(TestEngine engine, String path, JsonObject body) {
    return engine.api().postJson(path, body, Api.bearer(engine.operator()));
  }

  /** The real login path: an ID token from the demo provider, exchanged for an access token. */
  private static Api.Reply login(TestEngine engine, String representative) {
    String idToken = engine.api().postJson("/api/v1/dev/face-auth", new JsonObject().put("representativeId", representative))
        .json().getString("idToken");
    return engine.api().postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken));
  }

  private static Api.Reply vote(TestEngine engine, String token, String session, List<String> departments) {
    return engine.api().postJson("/api/v1/sessions/" + session + "/ballots", Ballots.all(departments, "satisfied"), Api.bearer(token));
  }

  /** The demo roster's line of a representative, with another subject. */
  private static String lineWithSubject(String id, String subject) throws Exception {
    String line = Files.readAllLines(TestEngine.DEMO_ROSTER).stream().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow();
    return line.substring(0, line.lastIndexOf(',') + 1) + subject + "\n";
  }

  @Test
  void beforeTheLockAnImportChangesRowsAndEachChangedRowIsAuditedWithHashesOfItsSubjectsOnly() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      String oldSubject = engine.subjectOf("R000002");
      var reply = importCsv(engine, HEADER + lineWithSubject("R000002", "face-new-subject-2") + lineWithSubject("R000003", engine.subjectOf("R000003")));
      assertEquals(200, reply.status(), reply.body());
      assertEquals(1, engine.count("SELECT count(*) FROM representatives WHERE id = 'R000002' AND subject = 'face-new-subject-2'"));
      try (var c = TestServers.connect(engine.database());
           var st = c.prepareStatement("SELECT detail FROM audit_log WHERE action = 'roster.row' AND target = ?"
               + " AND detail->>'change' = 'updated'")) {
        st.setString(1, "R000002");
        var rs = st.executeQuery();
        assertTrue(rs.next(), "the changed row has its own audit entry");
        JsonObject detail = new JsonObject(rs.getString(1));
        assertEquals("R000002", detail.getString("id"));
        assertEquals(List.of("subject"), detail.getJsonArray("fields").getList());
        assertEquals(Hashes.sha256Hex(oldSubject), detail.getString("subjectSha256Before"));
        assertEquals(Hashes.sha256Hex("face-new-subject-2"), detail.getString("subjectSha256After"));
        st.setString(1, "R000003");
        assertFalse(st.executeQuery().next(), "an unchanged row is not logged as changed");
      }
      assertEquals(0, engine.count("SELECT count(*) FROM audit_log WHERE detail::text LIKE '%face-%' OR detail::text LIKE '%演示代表%'"),
          "no subject, name or phone in the audit log");
      assertEquals(3165, engine.count("SELECT count(*) FROM audit_log WHERE action = 'roster.row' AND detail->>'change' = 'added'"),
          "the start-up import logged every row it added");
    }
  }

  @Test
  void theOperatorLocksTheElectorateThenImportsAnswerRosterLockedAndTheCommitmentIsPublic() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      assertEquals("not_found", engine.api().get("/api/v1/roster/commitment").code());
      var locked = operator(engine, "/api/v1/admin/roster/lock", new JsonObject());
      assertEquals(200, locked.status(), locked.body());
      JsonObject commitment = engine.api().get("/api/v1/roster/commitment").json();
      assertEquals(locked.json(), commitment);
      assertEquals(3000, commitment.getInteger("count"));
      assertEquals(165, commitment.getInteger("alternates"));
      assertEquals(3000, commitment.getJsonObject("byDistrict").stream().mapToInt(e -> (Integer) e.getValue()).sum());
      assertEquals(expectedSha256(engine), commitment.getString("sha256"), "the documented canonical roster, recomputed");
      assertEquals(1, commitment.getJsonArray("history").size());

      var refused = importCsv(engine, HEADER + lineWithSubject("R000002", "face-operator-swap"));
      assertEquals(409, refused.status(), refused.body());
      assertEquals("roster_locked", refused.code());
      assertEquals(0, engine.count("SELECT count(*) FROM representatives WHERE subject = 'face-operator-swap'"));
      assertEquals(commitment, operator(engine, "/api/v1/admin/roster/lock", new JsonObject()).json(), "locking again changes nothing");
    }
  }

  @Test
  void theFirstOpenLocksSoAnOperatorCannotGiveANonVotersSeatToAnotherFace() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      engine.open("econ1-2024");
      JsonObject commitment = engine.api().get("/api/v1/roster/commitment").json();
      assertEquals("lock", commitment.getJsonArray("history").getJsonObject(0).getString("event"));
      assertEquals(1, engine.count("SELECT count(*) FROM audit_log WHERE action = 'roster.lock' AND actor LIKE 'operator:%'"));
      // Issue 13's first finding: re-importing with one non-voter's subject changed used to be accepted.
      var refused = importCsv(engine, HEADER + lineWithSubject("R000010", "face-someone-else"));
      assertEquals("roster_locked", refused.code());
      assertEquals(0, engine.count("SELECT count(*) FROM representatives WHERE subject = 'face-someone-else'"));
      engine.open("econ2-2024");
      assertEquals(commitment, engine.api().get("/api/v1/roster/commitment").json(), "another open leaves the commitment as it was");
    }
  }

  @Test
  void aWithdrawalPromotesTheCellsFirstAlternateWhoVotesFromTheNextSessionWhileTheWithdrawnCannot() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      List<String> alternates = alternatesInFileOrder("resident", "shibei");
      engine.open("econ1-2024");
      String before = engine.api().get("/api/v1/roster/commitment").json().getString("sha256");
      String withdrawnToken = login(engine, "R000122").json().getString("accessToken");

      var withdrawal = operator(engine, "/api/v1/admin/representatives/R000122/withdraw", new JsonObject().put("reason", "moved away"));
      assertEquals(200, withdrawal.status(), withdrawal.body());
      assertEquals(new JsonObject().put("withdrawn", "R000122").put("promoted", alternates.get(0)), withdrawal.json());
      String promoted = alternates.get(0);

      // The withdrawn representative's token stops working: ballots, the form, suggestions; a new login is refused.
      assertEquals("not_eligible", vote(engine, withdrawnToken, "econ1-2024", Ballots.ECON1).code());
      assertEquals("not_eligible", engine.api().get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(withdrawnToken)).code());
      assertEquals("not_eligible", engine.api().postJson("/api/v1/suggestions",
          new JsonObject().put("topic", "urban").put("text", "still here?"), Api.bearer(withdrawnToken)).code());
      assertEquals("not_eligible", login(engine, "R000122").code());

      // The promoted alternate signs in, but the session already open keeps the electorate it opened with.
      String promotedToken = login(engine, promoted).json().getString("accessToken");
      assertEquals("not_eligible", vote(engine, promotedToken, "econ1-2024", Ballots.ECON1).code());
      assertEquals(200, operator(engine, "/api/v1/admin/sessions/econ1-2024/close", new JsonObject()).status());
      engine.open("econ2-2024");
      assertEquals(201, vote(engine, promotedToken, "econ2-2024", ECON2).status());
      assertEquals("not_eligible", vote(engine, withdrawnToken, "econ2-2024", ECON2).code());

      JsonObject commitment = engine.api().get("/api/v1/roster/commitment").json();
      assertNotEquals(before, commitment.getString("sha256"));
      assertEquals(expectedSha256(engine), commitment.getString("sha256"));
      assertEquals(List.of("lock", "withdrawal"), commitment.getJsonArray("history").stream()
          .map(h -> ((JsonObject) h).getString("event")).toList());
      assertEquals(before, commitment.getJsonArray("history").getJsonObject(0).getString("sha256"), "the history keeps the lock's hash");
      assertEquals(3000, commitment.getInteger("count"), "the seat stays filled");
      assertEquals(1, engine.count("SELECT count(*) FROM audit_log WHERE action = 'roster.withdraw' AND target = 'R000122'"
          + " AND detail->>'reason' = 'moved away' AND detail->>'statusAfter' = 'withdrawn'"));
      assertEquals(1, engine.count("SELECT count(*) FROM audit_log WHERE action = 'roster.promote' AND target = ?"
          + " AND detail->>'replaces' = 'R000122'", promoted));

      // The next withdrawal in the cell takes the next alternate in draw order; a second withdrawal is refused.
      assertEquals(alternates.get(1), operator(engine, "/api/v1/admin/representatives/R000187/withdraw",
          new JsonObject().put("reason", "ill")).json().getString("promoted"));
      assertEquals("invalid_transition", operator(engine, "/api/v1/admin/representatives/R000122/withdraw",
          new JsonObject().put("reason", "again")).code());
      assertEquals("not_found", operator(engine, "/api/v1/admin/representatives/NOPE/withdraw", new JsonObject().put("reason", "x")).code());
      assertEquals(3, engine.api().get("/api/v1/roster/commitment").json().getJsonArray("history").size());
    }
  }

  private static List<String> alternatesInFileOrder(String category, String district) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(TestEngine.DEMO_ROSTER)) {
      String[] c = line.split(",");
      if (c[3].equals(district) && c[4].equals(category) && c[5].equals("alternate")) {
        ids.add(c[0]);
      }
    }
    return ids;
  }

  /** README's recipe: SHA-256 of the sorted lines voter,category,district,status, voter under the pseudonym key file. */
  private static String expectedSha256(TestEngine engine) throws Exception {
    byte[] key = OctetSequenceKey.parse(Files.readString(engine.keyFiles().pseudonym()).strip()).toByteArray();
    Pseudonyms pseudonyms = Pseudonyms.forEdition(key, engine.engine().edition().id());
    List<String> lines = new ArrayList<>();
    try (var c = TestServers.connect(engine.database());
         var rs = c.createStatement().executeQuery("SELECT id, category, district, status FROM representatives")) {
      while (rs.next()) {
        lines.add(pseudonyms.voter(rs.getString(1)) + "," + rs.getString(2) + "," + rs.getString(3) + "," + rs.getString(4) + "\n");
      }
    }
    lines.sort(null);
    return Hashes.sha256Hex(String.join("", lines));
  }
}
