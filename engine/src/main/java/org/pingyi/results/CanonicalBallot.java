package org.pingyi.results;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sealed ballot in its canonical encoding, the unit the hash chain covers: a JSON object with exactly these
 * members in this order, no whitespace, scores sorted by department code, UTF-8:
 * {@code {"seq","ballotId","sessionId","representative","weightClass","district","receipt","submittedAt","scores"}}.
 * The export line is the same object with {@code "hash"} appended as its last member.
 */
public record CanonicalBallot(long seq, String ballotId, String sessionId, String representative, String weightClass,
    String district, String receipt, String submittedAt, Map<String, String> scores) {

  static final List<String> MEMBERS = List.of("seq", "ballotId", "sessionId", "representative", "weightClass",
      "district", "receipt", "submittedAt", "scores");

  public String encode() {
    JsonObject sorted = new JsonObject();
    new TreeMap<>(scores).forEach(sorted::put);
    return new JsonObject()
        .put("seq", seq)
        .put("ballotId", ballotId)
        .put("sessionId", sessionId)
        .put("representative", representative)
        .put("weightClass", weightClass)
        .put("district", district)
        .put("receipt", receipt)
        .put("submittedAt", submittedAt)
        .put("scores", sorted)
        .encode();
  }

  /** The export line: the canonical encoding with its chain hash as the last member. */
  public String exportLine(String hash) {
    String canonical = encode();
    return canonical.substring(0, canonical.length() - 1) + ",\"hash\":\"" + hash + "\"}";
  }

  /** Reads an export line back; the members must be exactly the canonical ones plus "hash". */
  public static CanonicalBallot fromExport(JsonObject line) {
    List<String> names = List.copyOf(line.fieldNames());
    List<String> expected = new java.util.ArrayList<>(MEMBERS);
    expected.add("hash");
    if (!names.equals(expected)) {
      throw new IllegalArgumentException("members must be " + expected + " in this order");
    }
    Map<String, String> scores = new TreeMap<>();
    line.getJsonObject("scores").forEach(e -> scores.put(e.getKey(), (String) e.getValue()));
    return new CanonicalBallot(line.getLong("seq"), line.getString("ballotId"), line.getString("sessionId"),
        line.getString("representative"), line.getString("weightClass"), line.getString("district"),
        line.getString("receipt"), line.getString("submittedAt"), scores);
  }
}
