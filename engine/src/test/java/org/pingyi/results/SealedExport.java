package org.pingyi.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.pingyi.Hashes;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionHash;
import org.pingyi.edition.EditionLoader;
import org.pingyi.keys.Pseudonyms;
import org.pingyi.keys.ResultKeys;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;

/**
 * A sealed session's files made the way the engine makes them (the same classes: pseudonyms, chain, formula,
 * document, signer), without a database: ballots.ndjson, results.json and the published jwks.json.
 */
final class SealedExport {
  static final Edition EDITION = EditionLoader.load(TestEngine.EDITION);
  static final Edition.Session SESSION = EDITION.session("econ1-2024").orElseThrow();
  static final String[] CLASSES = {"service", "society", "volunteer"};

  final Path ballots;
  final Path results;
  final Path keys;
  final List<CanonicalBallot> canonical = new ArrayList<>();
  final List<String> lines = new ArrayList<>();
  final ResultKeys resultKeys;

  private SealedExport(Path dir, ResultKeys resultKeys) {
    this.ballots = dir.resolve("ballots.ndjson");
    this.results = dir.resolve("results.json");
    this.keys = dir.resolve("jwks.json");
    this.resultKeys = resultKeys;
  }

  /** {@code count} random ballots, sealed and signed with a fresh key. */
  static SealedExport make(Path dir, int count, long seed) throws Exception {
    SealedExport export = new SealedExport(dir, ResultKeys.of(ResultKeys.generate().toJSONString(), null));
    Random random = new Random(seed);
    Pseudonyms pseudonyms = Pseudonyms.forEdition(new byte[32], EDITION.id());
    for (int i = 1; i <= count; i++) {
      Map<String, String> scores = new TreeMap<>();
      Ballots.ECON1.forEach(d -> scores.put(d, Ballots.GRADES.get(random.nextInt(4))));
      export.canonical.add(new CanonicalBallot(i, String.valueOf(i * 3), SESSION.id(), pseudonyms.voter("R" + (1000 + i)),
          CLASSES[random.nextInt(3)], "jimo", Hashes.sha256Hex("receipt" + i),
          Instant.parse("2024-12-17T02:00:00Z").plusSeconds(i).toString(), scores));
    }
    export.write(export.canonical, export.resultKeys);
    Files.writeString(export.keys, export.resultKeys.published().toString(true));
    return export;
  }

  /** Writes these ballots and results recomputed from them, signed with this key: a consistent pair. */
  void write(List<CanonicalBallot> ballotsToWrite, ResultKeys signWith) throws Exception {
    SessionCount count = new SessionCount(EDITION, SESSION);
    List<String> written = new ArrayList<>();
    long seq = 1;
    for (CanonicalBallot b : ballotsToWrite) {
      CanonicalBallot renumbered = new CanonicalBallot(seq++, b.ballotId(), b.sessionId(), b.voter(), b.weightClass(),
          b.district(), b.receiptHash(), b.submittedAt(), b.scores());
      written.add(renumbered.exportLine(count.add(renumbered)));
    }
    if (ballotsToWrite == canonical) {
      lines.clear();
      lines.addAll(written);
    }
    Files.write(ballots, written);
    String document = ResultsDocument.of(EDITION, SESSION, "sealed", Instant.parse("2024-12-17T03:00:00Z"), count.ballots(),
        count.chainRoot(), EditionHash.sha256(TestEngine.EDITION), count.results()).encode();
    ResultsSigner signer = new ResultsSigner(signWith);
    Files.writeString(results, ResultsDocument.served(document, "sealed", signer.keyId(), signer.sign(document)));
  }
}
