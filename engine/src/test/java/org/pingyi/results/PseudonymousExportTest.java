package org.pingyi.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jose.jwk.OctetSequenceKey;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingyi.Hashes;
import org.pingyi.edition.EditionLoader;
import org.pingyi.keys.Pseudonyms;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;

/**
 * The ballot export names voters by a keyed pseudonym, never by roster id, and receipts by their hash: the same
 * representative is the same voter in every session of an edition (and another one in another edition), and a
 * representative finds their own line with the SHA-256 of their receipt.
 */
class PseudonymousExportTest {
  static final List<String> ECON2 = EditionLoader.load(TestEngine.EDITION).departmentsOf(
      EditionLoader.load(TestEngine.EDITION).session("econ2-2024").orElseThrow()).stream().map(d -> d.code()).toList();

  @Test
  void aVoterIsOnePseudonymAcrossAnEditionsSessionsAndAReceiptHashFindsItsLine() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      List<String> reps = engine.activeRepresentatives(6);
      engine.open("econ1-2024");
      engine.open("econ2-2024");
      String receipt = null;
      for (String rep : reps) {
        var reply = engine.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
            Api.bearer(engine.accessToken(rep)));
        assertEquals(201, reply.status());
        receipt = rep.equals(reps.get(3)) ? reply.json().getString("receipt") : receipt;
        assertEquals(201, engine.api().postJson("/api/v1/sessions/econ2-2024/ballots", Ballots.all(ECON2, "satisfied"),
            Api.bearer(engine.accessToken(rep))).status());
      }
      for (String session : List.of("econ1-2024", "econ2-2024")) {
        for (String step : List.of("close", "seal")) {
          assertEquals(200, engine.api().post("/api/v1/admin/sessions/" + session + "/" + step, "", Api.bearer(engine.operator())).status());
        }
      }
      String econ1 = engine.api().get("/api/v1/admin/sessions/econ1-2024/ballots.ndjson", Api.bearer(engine.auditor())).body();
      String econ2 = engine.api().get("/api/v1/admin/sessions/econ2-2024/ballots.ndjson", Api.bearer(engine.auditor())).body();

      byte[] key = OctetSequenceKey.parse(Files.readString(engine.keyFiles().pseudonym()).strip()).toByteArray();
      Pseudonyms edition = Pseudonyms.forEdition(key, "qingdao-2024");
      List<String> voters1 = econ1.lines().map(l -> new JsonObject(l).getString("voter")).sorted().toList();
      List<String> voters2 = econ2.lines().map(l -> new JsonObject(l).getString("voter")).sorted().toList();
      assertEquals(voters1, voters2, "the same representatives are the same voters in both sessions");
      assertEquals(reps.stream().map(edition::voter).sorted().toList(), voters1);
      assertNotEquals(edition.voter(reps.get(0)), Pseudonyms.forEdition(key, "qingdao-2025").voter(reps.get(0)),
          "another edition, other pseudonyms");

      String receiptHash = Hashes.sha256Hex(receipt);
      List<String> mine = econ1.lines().filter(l -> l.contains("\"receiptHash\":\"" + receiptHash + "\"")).toList();
      assertEquals(1, mine.size(), "the receipt's hash finds exactly one line");
      assertEquals(edition.voter(reps.get(3)), new JsonObject(mine.get(0)).getString("voter"));
      for (String rep : reps) {
        assertFalse(econ1.contains(rep) || econ2.contains(rep), "no roster id in the export");
      }
      assertFalse(econ1.contains(receipt), "no receipt in the export");
      assertEquals(List.of("seq", "ballotId", "sessionId", "voter", "weightClass", "district", "receiptHash", "submittedAt",
          "scores", "hash"), List.copyOf(new JsonObject(mine.get(0)).fieldNames()));
    }
  }
}
