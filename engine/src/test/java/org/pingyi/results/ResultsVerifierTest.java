package org.pingyi.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.support.TestEngine;

/**
 * The offline verifier on an export built as API.md describes it (by the tests' own {@link HandCount} and a signature
 * made with Nimbus, not the engine's results code), then tampered with in every way.
 */
class ResultsVerifierTest {
  @TempDir Path dir;
  SealedExport export;

  @BeforeEach
  void export() throws Exception {
    export = SealedExport.make(dir, 50, 3);
  }

  private ResultsVerifier.Verdict verify() {
    return ResultsVerifier.verify(export.ballots, TestEngine.EDITION, export.results, Optional.of(export.keys));
  }

  private ResultsVerifier.Verdict verifyWithoutKeys() {
    return ResultsVerifier.verify(export.ballots, TestEngine.EDITION, export.results, Optional.empty());
  }

  private static void assertRefused(ResultsVerifier.Verdict verdict, String start) {
    assertFalse(verdict.verified(), verdict.message());
    assertTrue(verdict.message().startsWith(start), verdict.message());
  }

  private void rewrite(List<String> changed) throws Exception {
    Files.write(export.ballots, changed);
  }

  @Test
  void anUntouchedExportIsVerifiedSignatureIncluded() throws Exception {
    var verdict = verify();
    assertTrue(verdict.verified(), verdict.message());
    String root = new JsonObject(Files.readString(export.results)).getString("chainRoot");
    assertTrue(verdict.message().startsWith("verified: 50 ballots of econ1-2024, chain root " + root), verdict.message());
    assertTrue(verdict.message().endsWith("signed by key " + export.keyId()), verdict.message());
    assertTrue(verifyWithoutKeys().message().contains("signature NOT checked"), "without keys the verdict says so");
  }

  @Test
  void aChangedGradeIsCaughtOnItsLine() throws Exception {
    List<String> changed = new ArrayList<>(export.lines);
    String line = changed.get(16);
    changed.set(16, line.contains("\"D03\":\"satisfied\"") ? line.replace("\"D03\":\"satisfied\"", "\"D03\":\"dissatisfied\"")
        : line.replaceFirst("\"D03\":\"[a-z_]+\"", "\"D03\":\"satisfied\""));
    rewrite(changed);
    assertEquals("ballots.ndjson line 17: chain hash does not match (this line or one before it was changed)", verify().message());
  }

  @Test
  void aDroppedLineIsCaught() throws Exception {
    List<String> changed = new ArrayList<>(export.lines);
    changed.remove(9);
    rewrite(changed);
    assertRefused(verify(), "ballots.ndjson line 10: seq is 11, expected 10");
  }

  @Test
  void reorderedAndDuplicatedLinesAreCaught() throws Exception {
    List<String> changed = new ArrayList<>(export.lines);
    Collections.swap(changed, 20, 21);
    rewrite(changed);
    assertRefused(verify(), "ballots.ndjson line 21:");
    changed = new ArrayList<>(export.lines);
    changed.add(30, changed.get(29));
    rewrite(changed);
    assertRefused(verify(), "ballots.ndjson line 31: seq is 30");
  }

  @Test
  void anAddedLineIsCaught() throws Exception {
    List<String> changed = new ArrayList<>(export.lines);
    changed.add(changed.get(49).replace("\"seq\":50", "\"seq\":51").replace("\"ballotId\":\"150\"", "\"ballotId\":\"151\"")
        .replaceFirst("\"voter\":\"[0-9a-f]{32}\"", "\"voter\":\"" + "0".repeat(32) + "\"")
        .replaceFirst("\"receiptHash\":\"[0-9a-f]{64}\"", "\"receiptHash\":\"" + "1".repeat(64) + "\""));
    rewrite(changed);
    assertEquals("ballots.ndjson line 51: chain hash does not match (this line or one before it was changed)", verify().message());
  }

  @Test
  void aFigureChangedInResultsJsonIsNamedAndBreaksTheSignature() throws Exception {
    var doc = new JsonObject(Files.readString(export.results));
    var row = doc.getJsonArray("results").getJsonObject(2);
    String code = row.getJsonObject("department").getString("code");
    row.put("votes", row.getLong("votes") + 1);
    Files.writeString(export.results, doc.encode());
    assertRefused(verifyWithoutKeys(), "department " + code + " votes: recomputed 50");
    assertRefused(verify(), "the signature is valid but covers a different document");
  }

  @Test
  void aForgedChainRootIsCaught() throws Exception {
    Files.writeString(export.results, new JsonObject(Files.readString(export.results)).put("chainRoot", "0".repeat(64)).encode());
    assertRefused(verifyWithoutKeys(), "chain root");
  }

  @Test
  void aConsistentlyRewrittenPairWithOneBallotDroppedIsNotVerified() throws Exception {
    List<SealedExport.Ballot> fewer = new ArrayList<>(export.sent);
    fewer.remove(24);
    // The insider recomputes the chain and every figure, and signs with a key of their own.
    ECKey insiders = SealedExport.newKey();
    export.write(fewer, insiders);
    assertTrue(verifyWithoutKeys().verified(), "chain and figures alone cannot tell: " + verifyWithoutKeys().message());
    assertRefused(verify(), "no EC key with id '" + insiders.getKeyID() + "' among the published keys");
    // Nor does it help to claim the published key id: the signature does not verify under it.
    var doc = new JsonObject(Files.readString(export.results)).put("keyId", export.keyId());
    Files.writeString(export.results, doc.encode());
    assertRefused(verify(), "signature header must be ES256 with kid");
  }

  @Test
  void resultsOfAnotherEditionOrAChangedEditionAreNotVerified() throws Exception {
    Path edition = dir.resolve("edition.yaml");
    Files.writeString(edition, Files.readString(TestEngine.EDITION).replaceFirst("points: 100", "points: 99"));
    var verdict = ResultsVerifier.verify(export.ballots, edition, export.results, Optional.of(export.keys));
    assertRefused(verdict, "results.json's editionSha256");
  }

  @Test
  void missingTruncatedAndNonUtf8FilesGetAVerdict() throws Exception {
    assertRefused(ResultsVerifier.verify(dir.resolve("nope.ndjson"), TestEngine.EDITION, export.results, Optional.of(export.keys)),
        "ballots.ndjson (");
    assertRefused(ResultsVerifier.verify(export.ballots, TestEngine.EDITION, export.results, Optional.of(dir.resolve("none.json"))),
        "the keys file (");
    byte[] bytes = Files.readAllBytes(export.ballots);
    byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
    Files.write(export.ballots, half);
    long cutLine = new String(half, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1;
    assertRefused(verify(), "ballots.ndjson line " + cutLine + ": not a JSON object");
    byte[] bad = Files.readAllBytes(export.results);
    bad[10] = (byte) 0xC3;
    bad[11] = (byte) 0x28;
    Files.write(export.results, bad);
    assertRefused(verify(), "results.json is not UTF-8 text");
  }

  @Test
  void wrongTypesAndHugeNumbersGetAVerdict() throws Exception {
    String results = Files.readString(export.results);
    Files.writeString(export.results, results.replaceFirst("\"ballots\":50", "\"ballots\":\"50\""));
    assertRefused(verifyWithoutKeys(), "results.json: sessionId, state");
    Files.writeString(export.results, results.replaceFirst("\"ballots\":50", "\"ballots\":1e999"));
    assertRefused(verifyWithoutKeys(), "results.json is not JSON");
    Files.writeString(export.results, results.replaceFirst("\"votes\":50", "\"votes\":123456789012345678901234567890"));
    assertRefused(verifyWithoutKeys(), "department");
    Files.writeString(export.results, results.replaceFirst("\"chainRoot\"", "\"ballots\":50,\"chainRoot\""));
    assertRefused(verifyWithoutKeys(), "results.json is not JSON (Duplicate");
    Files.writeString(export.results, results);
    List<String> changed = new ArrayList<>(export.lines);
    changed.set(4, changed.get(4).replace("\"seq\":5", "\"seq\":5.0"));
    rewrite(changed);
    assertRefused(verify(), "ballots.ndjson line 5: not in the export's canonical form");
    changed.set(4, changed.get(4).replace("\"seq\":5.0", "\"seq\":99999999999999999999999"));
    rewrite(changed);
    assertRefused(verify(), "ballots.ndjson line 5:");
    changed.set(4, "[1,2,3]");
    rewrite(changed);
    assertRefused(verify(), "ballots.ndjson line 5: not a JSON object");
  }
}
