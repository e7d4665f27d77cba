package org.pingyi.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingyi.edition.Edition;
import org.pingyi.privacy.SmallCells;

/**
 * The results.json of API.md. Stored as written at seal (without keyId and signature, decimals keep their scale);
 * served with the session's current state and the signature made over exactly that text's canonical form. Its
 * byWeightClass is a breakdown, so small cells are suppressed in it before it is sealed and signed: the published,
 * signed and verified document are one and the same (the per-department figures are never suppressed).
 */
public final class ResultsDocument {
  public static final JsonObject SUPPRESSED = new JsonObject().put("suppressed", true);

  private ResultsDocument() {}

  public static JsonObject of(Edition edition, Edition.Session session, String state, Instant sealedAt, long ballots,
      String chainRoot, String editionSha256, List<DepartmentResult> results) {
    JsonArray rows = new JsonArray();
    for (DepartmentResult r : results) {
      JsonObject grades = new JsonObject();
      r.grades().forEach(grades::put);
      JsonObject byClass = byWeightClass(r, edition.minCellSize());
      rows.add(new JsonObject()
          .put("rank", r.rank())
          .put("department", new JsonObject().put("code", r.code()).put("name", name(edition, session, r.code())))
          .put("score", r.score())
          .put("rawMean", r.rawMean())
          .put("satisfactionRate", r.satisfactionRate())
          .put("votes", r.votes())
          .put("grades", grades)
          .put("byWeightClass", byClass));
    }
    return new JsonObject()
        .put("sessionId", session.id())
        .put("state", state)
        .put("sealedAt", sealedAt.toString())
        .put("ballots", ballots)
        .put("chainRoot", chainRoot)
        .put("editionSha256", editionSha256)
        .put("results", rows);
  }

  /**
   * A department's weight-class figures as results.json holds them: {"mean","votes"} per class, or
   * {"suppressed":true} for a small cell ({@link SmallCells}). Sealed and signed so; the verifier recomputes the same.
   */
  public static JsonObject byWeightClass(DepartmentResult r, int minCellSize) {
    Map<String, Long> voters = new LinkedHashMap<>();
    r.byWeightClass().forEach((k, f) -> voters.put(k, f.votes()));
    Set<String> suppressed = SmallCells.suppressed(voters, minCellSize);
    JsonObject byClass = new JsonObject();
    r.byWeightClass().forEach((k, f) -> byClass.put(k, suppressed.contains(k) ? SUPPRESSED.copy()
        : new JsonObject().put("mean", f.mean()).put("votes", f.votes())));
    return byClass;
  }

  /** The stored document with the session's current state: what the signature of that state covers. */
  public static String withState(String stored, String state) {
    return stored.replaceFirst("\"state\":\"sealed\"", "\"state\":\"" + state + "\"");
  }

  /** The document as served: in this state, with its keyId and signature as the last members (null when unsigned). */
  public static String served(String stored, String state, String keyId, String signature) {
    String text = withState(stored, state);
    return text.substring(0, text.length() - 1) + ","
        + new JsonObject().put("keyId", keyId).put("signature", signature).encode().substring(1);
  }

  static String name(Edition edition, Edition.Session session, String code) {
    return edition.departmentsOf(session).stream().filter(d -> d.code().equals(code)).findFirst()
        .map(Edition.Department::name).orElse(code);
  }
}
