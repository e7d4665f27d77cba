package org.pingyi.results;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sealed ballot in its canonical encoding, the unit the hash chain covers: a JSON object with exactly these
 * members in this order, no whitespace, scores sorted by department code, UTF-8:
 * {@code {"seq","ballotId","sessionId","voter","weightClass","district","receiptHash","submittedAt","scores"}}.
 * {@code voter} is the representative's keyed pseudonym (never the roster id), {@code receiptHash} the SHA-256 of the
 * receipt (so its holder finds the line and nobody else learns the receipt). The export line is the same object with
 * {@code "hash"} appended as its last member.
 */
public record CanonicalBallot(long seq, String ballotId, String sessionId, String voter, String weightClass,
    String district, String receiptHash, String submittedAt, Map<String, String> scores) {

  static final List<String> MEMBERS = List.of("seq", "ballotId", "sessionId", "voter", "weightClass",
      "district", "receiptHash", "submittedAt", "scores");
  static final List<String> EXPORT_MEMBERS = List.of("seq", "ballotId", "sessionId", "voter", "weightClass",
      "district", "receiptHash", "submittedAt", "scores", "hash");

  public String encode() {
    JsonObject sorted = new JsonObject();
    new TreeMap<>(scores).forEach(sorted::put);
    return new JsonObject()
        .put("seq", seq)
        .put("ballotId", ballotId)
        .put("sessionId", sessionId)
        .put("voter", voter)
        .put("weightClass", weightClass)
        .put("district", district)
        .put("receiptHash", receiptHash)
        .put("submittedAt", submittedAt)
        .put("scores", sorted)
        .encode();
  }

  /** The export line: the canonical encoding with its chain hash as the last member. */
  public String exportLine(String hash) {
    String canonical = encode();
    return canonical.substring(0, canonical.length() - 1) + ",\"hash\":\"" + hash + "\"}";
  }

  /**
   * Reads an export line back; the members must be exactly the canonical ones plus "hash", each of its type
   * (IllegalArgumentException otherwise).
   */
  public static CanonicalBallot fromExport(JsonObject line) {
    if (!List.copyOf(line.fieldNames()).equals(EXPORT_MEMBERS)) {
      throw new IllegalArgumentException("members must be " + EXPORT_MEMBERS + " in this order");
    }
    if (!(line.getValue("seq") instanceof Number seq) || !(line.getValue("scores") instanceof JsonObject scoresJson)) {
      throw new IllegalArgumentException("seq must be a number and scores an object");
    }
    for (String member : EXPORT_MEMBERS) {
      if (!member.equals("seq") && !member.equals("scores") && !(line.getValue(member) instanceof String)) {
        throw new IllegalArgumentException(member + " must be a string");
      }
    }
    Map<String, String> scores = new TreeMap<>();
    for (var e : scoresJson) {
      if (!(e.getValue() instanceof String grade)) {
        throw new IllegalArgumentException("scores." + e.getKey() + " must be a grade code");
      }
      scores.put(e.getKey(), grade);
    }
    return new CanonicalBallot(seq.longValue(), line.getString("ballotId"), line.getString("sessionId"),
        line.getString("voter"), line.getString("weightClass"), line.getString("district"),
        line.getString("receiptHash"), line.getString("submittedAt"), scores);
  }
}
