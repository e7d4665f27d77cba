package org.pingyi.rehearsal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One "broadcast ended" of a rehearsal: how many synthetic phones were to vote within how many seconds, and what
 * each phone met: its final status, the problem code of a refusal, its attempts, and how long from its first
 * attempt to its answer. Written only on the rehearsal's own context; read as a snapshot.
 */
final class RehearsalRun {
  private final String sessionId;
  private final int phones;
  private final int seconds;
  private final Instant startedAt;
  private final long startedNanos;
  private final List<Long> latenciesMicros = new ArrayList<>();
  /** Per second since the start: ballots acknowledged (201 or 200). */
  private final List<Integer> acknowledgedPerSecond = new ArrayList<>();
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private int acknowledged;
  private int retried;
  private int settled;
  private Instant finishedAt;

  RehearsalRun(String sessionId, int phones, int seconds, Instant startedAt, long startedNanos) {
    this.sessionId = sessionId;
    this.phones = phones;
    this.seconds = seconds;
    this.startedAt = startedAt;
    this.startedNanos = startedNanos;
  }

  /** A phone's ballot ended: {@code outcome} is the status, with the problem code of a refusal ("409 already_voted"). */
  synchronized void settled(String outcome, boolean acknowledgedBallot, int attempts, long firstAttemptNanos, long answeredNanos) {
    settled++;
    outcomes.merge(outcome, 1, Integer::sum);
    if (attempts > 1) {
      retried++;
    }
    if (acknowledgedBallot) {
      acknowledged++;
      latenciesMicros.add((answeredNanos - firstAttemptNanos) / 1000);
      int second = (int) ((answeredNanos - startedNanos) / 1_000_000_000L);
      while (acknowledgedPerSecond.size() <= second) {
        acknowledgedPerSecond.add(0);
      }
      acknowledgedPerSecond.set(second, acknowledgedPerSecond.get(second) + 1);
    }
    if (settled == phones) {
      finishedAt = Instant.now();
    }
  }

  synchronized boolean finished() {
    return settled == phones;
  }

  String sessionId() {
    return sessionId;
  }

  synchronized JsonObject toJson() {
    List<Long> sorted = new ArrayList<>(latenciesMicros);
    Collections.sort(sorted);
    JsonObject latency = new JsonObject()
        .put("p50", percentileMillis(sorted, 0.50))
        .put("p95", percentileMillis(sorted, 0.95))
        .put("p99", percentileMillis(sorted, 0.99))
        .put("max", sorted.isEmpty() ? null : sorted.get(sorted.size() - 1) / 1000.0);
    JsonObject byOutcome = new JsonObject();
    outcomes.forEach(byOutcome::put);
    return new JsonObject()
        .put("sessionId", sessionId)
        .put("phones", phones)
        .put("seconds", seconds)
        .put("startedAt", startedAt.toString())
        .put("finishedAt", finishedAt == null ? null : finishedAt.toString())
        .put("settled", settled)
        .put("acknowledged", acknowledged)
        .put("errors", settled - acknowledged)
        .put("retried", retried)
        .put("outcomes", byOutcome)
        .put("latencyMs", latency)
        .put("acknowledgedPerSecond", new JsonArray(new ArrayList<>(acknowledgedPerSecond)));
  }

  /** Nearest-rank percentile, in milliseconds; null without a value. */
  static Double percentileMillis(List<Long> sortedMicros, double p) {
    if (sortedMicros.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p * sortedMicros.size());
    return sortedMicros.get(Math.max(0, rank - 1)) / 1000.0;
  }
}
