package org.pingyi.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;

/**
 * The offline verifier on an export built as the README describes it (by the tests' own count, not the engine's
 * results code), then tampered with in every way.
 */
class ResultsVerifierTest {
  static final Edition EDITION = EditionLoader.load(TestEngine.EDITION);
  static final Edition.Session SESSION = EDITION.session("econ1-2024").orElseThrow();

  @TempDir Path dir;
  Path ballots;
  Path results;
  List<String> lines;

  /**
   * The export and results.json an honest engine would publish, built by the tests' own {@link HandCount} from the
   * formats of the README and API.md, so the verifier is checked against an expectation it did not make itself.
   */
  @BeforeEach
  void export() throws Exception {
    Random random = new Random(3);
    String[] classes = {"service", "society", "volunteer"};
    HandCount count = new HandCount(EDITION, SESSION.id());
    for (int i = 1; i <= 50; i++) {
      Map<String, String> scores = new TreeMap<>();
      Ballots.ECON1.forEach(d -> scores.put(d, Ballots.GRADES.get(random.nextInt(4))));
      count.exportLine(i, String.valueOf(i * 3), "R" + (1000 + i), classes[random.nextInt(3)], "jimo", "receipt" + i,
          Instant.parse("2024-12-17T02:00:00Z").plusSeconds(i).toString(), scores);
    }
    lines = new ArrayList<>(count.lines());
    ballots = dir.resolve("ballots.ndjson");
    results = dir.resolve("results.json");
    Files.write(ballots, lines);
    Files.writeString(results, count.resultsDocument("sealed", "2024-12-17T03:00:00Z").encode());
  }

  private ResultsVerifier.Verdict verify() throws Exception {
    return ResultsVerifier.verify(ballots, EDITION, results);
  }

  private void rewrite(List<String> changed) throws Exception {
    Files.write(ballots, changed);
  }

  @Test
  void anUntouchedExportIsVerified() throws Exception {
    var verdict = verify();
    assertTrue(verdict.verified(), verdict.message());
    String root = new JsonObject(Files.readString(results)).getString("chainRoot");
    assertEquals("verified: 50 ballots of econ1-2024, chain root " + root, verdict.message());
  }

  @Test
  void aChangedGradeIsCaughtOnItsLine() throws Exception {
    List<String> changed = new ArrayList<>(lines);
    String line = changed.get(16);
    changed.set(16, line.contains("\"D03\":\"satisfied\"") ? line.replace("\"D03\":\"satisfied\"", "\"D03\":\"dissatisfied\"")
        : line.replaceFirst("\"D03\":\"[a-z_]+\"", "\"D03\":\"satisfied\""));
    rewrite(changed);
    var verdict = verify();
    assertFalse(verdict.verified());
    assertEquals("ballots.ndjson line 17: chain hash does not match (this line or one before it was changed)", verdict.message());
  }

  @Test
  void aDroppedLineIsCaught() throws Exception {
    List<String> changed = new ArrayList<>(lines);
    changed.remove(9);
    rewrite(changed);
    var verdict = verify();
    assertFalse(verdict.verified());
    assertTrue(verdict.message().startsWith("ballots.ndjson line 10: seq is 11, expected 10"), verdict.message());
  }

  @Test
  void reorderedLinesAreCaught() throws Exception {
    List<String> changed = new ArrayList<>(lines);
    Collections.swap(changed, 20, 21);
    rewrite(changed);
    var verdict = verify();
    assertFalse(verdict.verified());
    assertTrue(verdict.message().startsWith("ballots.ndjson line 21:"), verdict.message());
  }

  @Test
  void anAddedLineIsCaught() throws Exception {
    List<String> changed = new ArrayList<>(lines);
    changed.add(changed.get(49).replace("\"seq\":50", "\"seq\":51").replace("\"R1050\"", "\"R9999\"")
        .replace("\"ballotId\":\"150\"", "\"ballotId\":\"151\""));
    rewrite(changed);
    var verdict = verify();
    assertFalse(verdict.verified());
    assertEquals("ballots.ndjson line 51: chain hash does not match (this line or one before it was changed)", verdict.message());
  }

  @Test
  void aFigureChangedInResultsJsonIsNamed() throws Exception {
    var doc = new JsonObject(Files.readString(results));
    var row = doc.getJsonArray("results").getJsonObject(2);
    String code = row.getJsonObject("department").getString("code");
    row.put("votes", row.getLong("votes") + 1);
    Files.writeString(results, doc.encode());
    var verdict = verify();
    assertFalse(verdict.verified());
    assertTrue(verdict.message().startsWith("department " + code + " votes: recomputed 50"), verdict.message());
  }

  @Test
  void aForgedChainRootIsCaught() throws Exception {
    var doc = new JsonObject(Files.readString(results)).put("chainRoot", "0".repeat(64));
    Files.writeString(results, doc.encode());
    var verdict = verify();
    assertFalse(verdict.verified());
    assertTrue(verdict.message().startsWith("chain root"), verdict.message());
  }
}
