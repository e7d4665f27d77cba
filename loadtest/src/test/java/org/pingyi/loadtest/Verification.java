package org.pingyi.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run must leave behind, whatever its latencies: the ballots the session gained in PostgreSQL equal the 201s
 * Gatling saw, the live count equals the session's ballots in PostgreSQL, and reconcile finds Redis and PostgreSQL
 * consistent. A run that loses or double
 * counts a ballot fails.
 */
final class Verification {
  static final AtomicLong CREATED = new AtomicLong();

  private final EngineApi api;
  private final String session;
  private final String auditor;
  private long baseline;

  Verification(String baseUrl, String session, String auditor) {
    this.api = new EngineApi(baseUrl);
    this.session = session;
    this.auditor = auditor;
  }

  void before() throws Exception {
    baseline = api.get("/api/v1/admin/sessions/" + session + "/reconcile", auditor).get("ballots").asLong();
    CREATED.set(0);
  }

  void after() throws Exception {
    JsonNode reconcile = null;
    for (int i = 0; i < 120; i++) {
      reconcile = api.get("/api/v1/admin/sessions/" + session + "/reconcile", auditor);
      if (reconcile.get("consistent").asBoolean()) {
        break;
      }
      Thread.sleep(500);
    }
    long inPostgres = reconcile.get("ballots").asLong();
    long stored = inPostgres - baseline;
    long live = api.get("/api/v1/sessions/" + session + "/live", auditor).get("voted").asLong();
    boolean consistent = reconcile.get("consistent").asBoolean();
    String line = String.format("VERIFICATION %s: 201s seen %d, ballots the session gained in PostgreSQL %d (%d before the run, %d now),"
        + " live voted %d (must equal %d now), reconcile %s", session, CREATED.get(), stored, baseline, inPostgres, live, inPostgres,
        consistent ? "consistent" : "DIFFERENCES " + reconcile.get("differences"));
    System.out.println(line);
    if (stored != CREATED.get() || live != inPostgres || !consistent) {
      throw new IllegalStateException("VERIFICATION FAILED: " + line);
    }
    System.out.println("VERIFICATION PASSED");
  }
}
