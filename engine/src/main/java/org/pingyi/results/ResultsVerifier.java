package org.pingyi.results;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pingyi.edition.Edition;

/**
 * Checks a sealed session from files alone, no database: it replays ballots.ndjson through the hash chain and the
 * formula and compares with results.json. The first difference is reported with its line or department.
 */
public final class ResultsVerifier {
  public record Verdict(boolean verified, String message) {}

  private ResultsVerifier() {}

  public static Verdict verify(Path ballots, Edition edition, Path results) throws IOException {
    JsonObject document;
    try {
      document = new JsonObject(Files.readString(results, StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      return fail("results.json is not JSON");
    }
    String sessionId = document.getString("sessionId");
    Edition.Session session = edition.session(sessionId).orElse(null);
    if (session == null) {
      return fail("results.json names session '" + sessionId + "', which is not in the edition");
    }
    Set<String> departments = new HashSet<>();
    edition.departmentsOf(session).forEach(d -> departments.add(d.code()));
    Set<String> grades = new HashSet<>();
    edition.grades().forEach(g -> grades.add(g.code()));
    Set<String> classes = new HashSet<>();
    edition.weightClasses().forEach(k -> classes.add(k.code()));

    SessionCount count = new SessionCount(edition, session);
    Set<String> voters = new HashSet<>();
    long lastBallotId = Long.MIN_VALUE;
    long lineNumber = 0;
    try (BufferedReader reader = Files.newBufferedReader(ballots, StandardCharsets.UTF_8)) {
      String text;
      while ((text = reader.readLine()) != null) {
        lineNumber++;
        String where = "ballots.ndjson line " + lineNumber + ": ";
        CanonicalBallot ballot;
        JsonObject line;
        try {
          line = new JsonObject(text);
          ballot = CanonicalBallot.fromExport(line);
        } catch (DecodeException | IllegalArgumentException | ClassCastException | NullPointerException e) {
          return fail(where + "not a ballot line (" + e.getMessage() + ")");
        }
        if (ballot.seq() != lineNumber) {
          return fail(where + "seq is " + ballot.seq() + ", expected " + lineNumber + " (a line was dropped, added or moved)");
        }
        long ballotId = Long.parseLong(ballot.ballotId());
        if (ballotId <= lastBallotId) {
          return fail(where + "ballot ids are out of order");
        }
        lastBallotId = ballotId;
        if (!sessionId.equals(ballot.sessionId())) {
          return fail(where + "belongs to session " + ballot.sessionId());
        }
        if (!voters.add(ballot.representative())) {
          return fail(where + "a second ballot of the same representative");
        }
        if (!classes.contains(ballot.weightClass())) {
          return fail(where + "unknown weight class");
        }
        if (!ballot.scores().keySet().equals(departments) || !grades.containsAll(ballot.scores().values())) {
          return fail(where + "scores do not grade every department of the group with a known grade");
        }
        String hash = count.add(ballot);
        if (!hash.equals(line.getString("hash"))) {
          return fail(where + "chain hash does not match (this line or one before it was changed)");
        }
      }
    }
    if (count.ballots() != document.getLong("ballots", -1L)) {
      return fail("ballots.ndjson holds " + count.ballots() + " ballots, results.json says " + document.getLong("ballots"));
    }
    if (!count.chainRoot().equals(document.getString("chainRoot"))) {
      return fail("chain root " + count.chainRoot() + " differs from results.json's " + document.getString("chainRoot"));
    }
    String figures = compareFigures(count.results(), document, edition.minCellSize());
    if (figures != null) {
      return fail(figures);
    }
    return new Verdict(true, "verified: " + count.ballots() + " ballots of " + sessionId + ", chain root " + count.chainRoot());
  }

  private static String compareFigures(List<DepartmentResult> recomputed, JsonObject document, int minCellSize) {
    var published = document.getJsonArray("results");
    if (published == null || published.size() != recomputed.size()) {
      return "results.json lists " + (published == null ? 0 : published.size()) + " departments, expected " + recomputed.size();
    }
    for (int i = 0; i < recomputed.size(); i++) {
      DepartmentResult r = recomputed.get(i);
      JsonObject p = published.getJsonObject(i);
      String code = p.getJsonObject("department").getString("code");
      String where = "results.json row " + (i + 1) + " (" + code + ")";
      if (!r.code().equals(code) || r.rank() != p.getInteger("rank")) {
        return where + ": rank " + (i + 1) + " should be " + r.code();
      }
      String diff = firstDifference(r, p, minCellSize);
      if (diff != null) {
        return "department " + code + " " + diff;
      }
    }
    return null;
  }

  private static String firstDifference(DepartmentResult r, JsonObject p, int minCellSize) {
    if (!sameNumber(r.score(), p.getValue("score"))) {
      return "score: recomputed " + r.score() + ", results.json says " + p.getValue("score");
    }
    if (!sameNumber(r.rawMean(), p.getValue("rawMean"))) {
      return "rawMean: recomputed " + r.rawMean() + ", results.json says " + p.getValue("rawMean");
    }
    if (!sameNumber(r.satisfactionRate(), p.getValue("satisfactionRate"))) {
      return "satisfactionRate: recomputed " + r.satisfactionRate() + ", results.json says " + p.getValue("satisfactionRate");
    }
    if (r.votes() != p.getLong("votes")) {
      return "votes: recomputed " + r.votes() + ", results.json says " + p.getLong("votes");
    }
    for (var grade : r.grades().entrySet()) {
      if (!Objects.equals(grade.getValue(), p.getJsonObject("grades").getLong(grade.getKey()))) {
        return "grades." + grade.getKey() + ": recomputed " + grade.getValue() + ", results.json says "
            + p.getJsonObject("grades").getValue(grade.getKey());
      }
    }
    JsonObject expected = ResultsDocument.byWeightClass(r, minCellSize);
    for (String k : expected.fieldNames()) {
      JsonObject e = expected.getJsonObject(k);
      JsonObject q = p.getJsonObject("byWeightClass").getJsonObject(k);
      if (!sameCell(e, q)) {
        return "byWeightClass." + k + ": recomputed " + e.encode() + ", results.json says " + q;
      }
    }
    return null;
  }

  /** A suppressed cell must say exactly {"suppressed":true}; any other must carry the recomputed mean and votes. */
  private static boolean sameCell(JsonObject expected, JsonObject published) {
    if (published == null) {
      return false;
    }
    if (expected.containsKey("suppressed")) {
      return expected.equals(published);
    }
    Object mean = expected.getValue("mean");
    return !published.containsKey("suppressed")
        && sameNumber(mean == null ? null : new BigDecimal(mean.toString()), published.getValue("mean"))
        && expected.getLong("votes").equals(published.getLong("votes"));
  }

  private static boolean sameNumber(BigDecimal expected, Object published) {
    if (expected == null || published == null) {
      return expected == null && published == null;
    }
    return expected.compareTo(new BigDecimal(published.toString())) == 0;
  }

  private static Verdict fail(String message) {
    return new Verdict(false, message);
  }
}
