package org.pingyi.draw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.pingyi.Hashes;
import org.pingyi.edition.Edition;

/**
 * verify-draw: re-runs a draw from the pool, the edition and the transcript's own year and seed, and compares the
 * transcript it gets with the one given. The answer is "verified" or the first difference, whatever the files hold.
 */
public final class DrawVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN = 80;

  private DrawVerifier() {}

  public record Verdict(boolean verified, String message) {
    static Verdict no(String message) {
      return new Verdict(false, message);
    }
  }

  public static Verdict verify(RosterDraw.PoolFile poolFile, Edition edition, byte[] transcript) throws IOException {
    JsonNode given;
    try {
      given = JSON.readTree(transcript);
    } catch (JsonProcessingException e) {
      return Verdict.no("the transcript is not JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (given == null || !given.isObject()) {
      return Verdict.no("the transcript is not a JSON object");
    }
    if (!TranscriptWriter.FORMAT.equals(given.path("format").asText()) || !RosterDraw.ALGORITHM.equals(given.path("algorithm").asText())) {
      return Verdict.no("format: not a " + TranscriptWriter.FORMAT + " transcript of " + RosterDraw.ALGORITHM);
    }
    if (!given.path("year").canConvertToExactIntegral() || !given.path("seed").isTextual()
        || !(given.path("seedSource").isTextual() || given.path("seedSource").isNull())) {
      return Verdict.no("year, seed or seedSource: missing or not of the right kind");
    }
    int year = given.path("year").asInt();
    String seed = given.path("seed").asText();
    String seedSource = given.path("seedSource").isNull() ? null : given.path("seedSource").asText();
    var problem = RosterDraw.seedProblem(seed).or(() -> RosterDraw.yearProblem(year));
    if (problem.isPresent()) {
      return Verdict.no("seed or year: " + problem.get());
    }
    if (!edition.id().equals(given.path("edition").asText())) {
      return Verdict.no("edition: the transcript is of '" + shown(given.path("edition").asText()) + "', the edition file is '" + edition.id() + "'");
    }
    String poolSha = hexSha256(poolFile);
    if (!poolSha.equals(given.path("inputs").path("poolSha256").asText())) {
      return Verdict.no("inputs.poolSha256: the transcript has " + shown(given.path("inputs").path("poolSha256").asText())
          + ", the pool file hashes to " + poolSha + ": not the pool this draw was made from");
    }
    String quotas = QuotaBlock.of(edition, year).text();
    String givenQuotas = given.path("inputs").path("quotas").asText();
    if (!quotas.equals(givenQuotas)) {
      return Verdict.no("inputs.quotas: " + firstLineDifference(givenQuotas, quotas));
    }
    ByteArrayOutputStream again = new ByteArrayOutputStream(Math.max(1024, transcript.length));
    DrawOutcome outcome = RosterDraw.run(poolFile, new RosterDraw.Request(edition, year, seed, seedSource),
        OutputStream.nullOutputStream(), again);
    if (outcome instanceof DrawOutcome.BadPool bad) {
      return Verdict.no("the pool has " + bad.errors().size() + " bad line(s), first " + bad.errors().get(0).field()
          + ": " + bad.errors().get(0).message() + "; no draw can be made from it");
    }
    if (outcome instanceof DrawOutcome.Infeasible infeasible) {
      return Verdict.no("the pool cannot meet the quotas (" + infeasible.cells().get(0).cell() + " "
          + infeasible.cells().get(0).describe() + "); no draw can be made from it");
    }
    DrawSummary summary = ((DrawOutcome.Drawn) outcome).summary();
    String drawn = summary.active() + " active and " + summary.alternates() + " alternates drawn from "
        + summary.poolPeople() + " people for " + edition.id() + " " + year + " by seed '" + seed + "', roster sha256 "
        + summary.rosterSha256Hex();
    byte[] expected = again.toByteArray();
    if (Arrays.equals(expected, transcript)) {
      return new Verdict(true, "verified: " + drawn);
    }
    String difference = firstDifference(JSON.readTree(expected), given, "");
    if (difference == null) {
      return new Verdict(true, "verified: " + drawn + " (the transcript says the same, formatted differently)");
    }
    return Verdict.no(difference);
  }

  /** The first place, in document order, where the transcript differs from the re-run. */
  static String firstDifference(JsonNode expected, JsonNode found, String path) {
    String here = path.isEmpty() ? "(top)" : path;
    if (expected.getNodeType() != found.getNodeType()) {
      return here + ": the transcript has " + shown(found.toString()) + ", the re-run gives " + shown(expected.toString());
    }
    if (expected.isObject()) {
      var names = expected.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        String child = path.isEmpty() ? name : path + "." + name;
        if (!found.has(name)) {
          return child + ": missing from the transcript";
        }
        String d = firstDifference(expected.get(name), found.get(name), child);
        if (d != null) {
          return d;
        }
      }
      var extra = found.fieldNames();
      while (extra.hasNext()) {
        String name = extra.next();
        if (!expected.has(name)) {
          return (path.isEmpty() ? name : path + "." + name) + ": not part of the draw";
        }
      }
      return null;
    }
    if (expected.isArray()) {
      for (int i = 0; i < Math.min(expected.size(), found.size()); i++) {
        String d = firstDifference(expected.get(i), found.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return expected.size() == found.size() ? null
          : here + ": the transcript has " + found.size() + " entries, the re-run gives " + expected.size();
    }
    return expected.equals(found) ? null
        : here + ": the transcript has " + shown(found.toString()) + ", the re-run gives " + shown(expected.toString());
  }

  private static String firstLineDifference(String given, String expected) {
    String[] a = given.split("\n", -1);
    String[] b = expected.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "(nothing)";
      String y = i < b.length ? b[i] : "(nothing)";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": the transcript has '" + shown(x) + "', the edition gives '" + shown(y) + "'";
      }
    }
    return "they differ";
  }

  private static String hexSha256(RosterDraw.PoolFile poolFile) throws IOException {
    MessageDigest digest = Hashes.sha256Digest();
    try (InputStream in = new DigestInputStream(poolFile.open(), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String shown(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }
}
