package org.pingyi.rehearsal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingyi.edition.Edition;
import org.pingyi.roster.RosterEntry;

/**
 * A dress rehearsal running in this engine: its synthetic roster and phones, the runs the office started, and the
 * office's request to reset it. Exists only in an engine started by {@code rehearse}; its engine's database, Redis
 * namespace, keys and edition are the rehearsal's own (see {@link RehearsalSetup}), so nothing here can reach a real
 * ballot.
 */
public final class Rehearsal {
  private final Vertx vertx;
  private final Pool pool;
  private final Edition edition;
  private final List<RosterEntry> roster;
  private final SyntheticPhones phones;
  private final List<RehearsalRun> runs = new ArrayList<>();
  /** Per session, who has been sent to vote already: a representative votes once. */
  private final Map<String, Set<String>> sent = new HashMap<>();
  private final Promise<Void> resetRequested = Promise.promise();
  private RehearsalRun current;

  private Rehearsal(Vertx vertx, Pool pool, Edition edition, List<RosterEntry> roster, SyntheticPhones phones) {
    this.vertx = vertx;
    this.pool = pool;
    this.edition = edition;
    this.roster = roster;
    this.phones = phones;
  }

  /** Blocking (reads the rehearsal's files); at start, before the engine serves. */
  public static Rehearsal load(Vertx vertx, Pool pool, Edition edition, Path dir) throws IOException {
    return new Rehearsal(vertx, pool, edition, RehearsalSetup.roster(dir, edition),
        new SyntheticPhones(vertx, RehearsalSetup.provider(dir), edition));
  }

  /** What {@link #broadcastEnded} refuses. */
  sealed interface Start {
    record Started(RehearsalRun run) implements Start {}

    record RunUnderWay(String sessionId) implements Start {}

    record TooFewLeft(int left) implements Start {}
  }

  /**
   * The broadcast of {@code session} ended: {@code count} synthetic phones that have not voted in it yet vote within
   * {@code seconds}, against the engine's public port. Synchronized with the runs' own bookkeeping on one context.
   */
  synchronized Start broadcastEnded(Edition.Session session, int count, int seconds, int port) {
    if (current != null && !current.finished()) {
      return new Start.RunUnderWay(current.sessionId());
    }
    Set<String> already = sent.computeIfAbsent(session.id(), s -> new HashSet<>());
    List<RosterEntry> chosen = new ArrayList<>(count);
    for (RosterEntry r : roster) {
      if (chosen.size() == count) {
        break;
      }
      if (r.status() == RosterEntry.Status.active && session.electorateOrAll().includes(r.category())
          && !already.contains(r.id())) {
        chosen.add(r);
      }
    }
    if (chosen.size() < count) {
      return new Start.TooFewLeft(chosen.size());
    }
    chosen.forEach(r -> already.add(r.id()));
    RehearsalRun run = new RehearsalRun(session.id(), count, seconds, Instant.now(), System.nanoTime());
    current = run;
    runs.add(run);
    phones.run(run, port, session, chosen, seconds, runs.size());
    return new Start.Started(run);
  }

  /** The report: every run, the sessions' ballots and the reminder waves, as the real evening would show them. */
  Future<JsonObject> report() {
    JsonArray runList;
    synchronized (this) {
      runList = new JsonArray(runs.stream().map(RehearsalRun::toJson).toList());
    }
    return RehearsalFigures.read(pool).map(figures -> figures
        .put("edition", new JsonObject().put("id", edition.id()).put("name", edition.name()))
        .put("representatives", roster.stream().filter(r -> r.status() == RosterEntry.Status.active).count())
        .put("runs", runList));
  }

  /** The office asked to reset: the rehearse command stops the engine and removes the rehearsal. */
  void requestReset() {
    resetRequested.tryComplete();
  }

  public Future<Void> resetRequested() {
    return resetRequested.future();
  }

  public void close() {
    phones.close();
  }
}
