package org.pingyi.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run must leave behind, whatever its latencies: the ballots PostgreSQL gained equal the 201s Gatling saw,
 * the live count equals them, and reconcile finds Redis and PostgreSQL consistent. A run that loses or double
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
    long stored = reconcile.get("ballots").asLong() - baseline;
    long live = api.get("/api/v1/sessions/" + session + "/live", auditor).get("voted").asLong();
    String line = String.format("VERIFICATION %s: 201s seen %d, ballots stored %d, live voted %d (all sessions' ballots %d), reconcile %s",
        session, CREATED.get(), stored, live, reconcile.get("ballots").asLong(), reconcile.get("consistent").asBoolean() ? "consistent" : "DIFFERENCES");
    System.out.println(line);
    if (stored != CREATED.get() || live != reconcile.get("ballots").asLong() || !reconcile.get("consistent").asBoolean()) {
      throw new IllegalStateException("VERIFICATION FAILED: " + line);
    }
    System.out.println("VERIFICATION PASSED");
  }
}
