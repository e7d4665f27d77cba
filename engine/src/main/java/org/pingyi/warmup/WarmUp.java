package org.pingyi.warmup;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.pingyi.auth.AccessTokens;
import org.pingyi.edition.Edition;
import org.pingyi.session.SessionState;
import org.pingyi.session.SessionStatus;

/**
 * Before an instance reports ready it sends its own ballot path many thousand ballots over loopback HTTP, so the
 * JIT compiles that path before the first real burst meets it (a fresh engine took a burst at a quarter of its warmed
 * rate: BENCHMARKS.md). Every warm-up ballot is whole and valid, for a real session, from a representative that
 * cannot exist: its id contains a character no roster id may hold, so the insert's join with the roster finds nobody
 * and stores nothing, locks nothing and counts nothing; the engine answers each with the refusal it would give
 * (not_eligible, or session_not_open for a session not open). Real data is read, never written. The tokens are minted
 * in this process with the access-token key and never leave it.
 */
public final class WarmUp {
  /** Roster ids are letters, digits, "-" and "_" (RosterCsv), so "~" marks an id no representative can have. */
  static final String NOBODY = "~warm-up-";
  /** As many as the load balancer's burst brings: with 64 the warm-up waited on its own round trips, not the CPU. */
  private static final int CONNECTIONS = 256;

  private final Vertx vertx;
  private final AccessTokens tokens;
  private final Edition edition;
  private final WarmUpGate gate;
  private final Supplier<Map<String, SessionStatus>> sessions;

  /** @param sessions the sessions' states: an open session's ballots go furthest (to the roster join) */
  public WarmUp(Vertx vertx, AccessTokens tokens, Edition edition, WarmUpGate gate,
      Supplier<Map<String, SessionStatus>> sessions) {
    this.sessions = sessions;
    this.vertx = vertx;
    this.tokens = tokens;
    this.edition = edition;
    this.gate = gate;
  }

  /** What the warm-up did: how many ballots, their answers by status, and how long it took. */
  public record Result(int ballots, Map<Integer, Integer> statuses, long millis) {}

  /** Sends {@code ballots} ballots to the public port, {@link #CONNECTIONS} at a time, then opens the gate. */
  public Future<Result> run(int port, int ballots) {
    if (ballots <= 0 || edition.sessions().isEmpty()) {
      gate.finish();
      return Future.succeededFuture(new Result(0, Map.of(), 0));
    }
    Map<String, SessionStatus> states = sessions.get();
    Edition.Session session = edition.sessions().stream()
        .filter(s -> states.containsKey(s.id()) && states.get(s.id()).state() == SessionState.open)
        .findFirst().orElse(edition.sessions().get(0));
    List<Edition.Department> departments = edition.departmentsOf(session);
    List<Edition.Grade> grades = edition.grades();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    Map<Integer, Integer> statuses = new TreeMap<>();
    int[] sent = {0};
    int[] answered = {0};
    long start = System.nanoTime();
    Promise<Result> done = Promise.promise();
    String path = "/api/v1/sessions/" + session.id() + "/ballots";
    Runnable[] next = new Runnable[1];
    next[0] = () -> {
      if (sent[0] >= ballots) {
        return;
      }
      int i = sent[0]++;
      JsonObject scores = new JsonObject();
      for (int d = 0; d < departments.size(); d++) {
        scores.put(departments.get(d).code(), grades.get((i + d) % grades.size()).code());
      }
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
          .setURI(path).setIdleTimeout(30_000)
          .putHeader("Authorization", "Bearer " + tokens.issue(NOBODY + (i % 997)))
          .putHeader("Idempotency-Key", UUID.randomUUID().toString())
          .putHeader("Content-Type", "application/json")
          .putHeader(WarmUpGate.HEADER, gate.secret());
      Buffer body = new JsonObject().put("scores", scores).toBuffer();
      client.request(options).compose(request -> request.send(body))
          .compose(response -> response.body().map(b -> response.statusCode()))
          .onComplete(status -> {
            statuses.merge(status.succeeded() ? status.result() : 0, 1, Integer::sum);
            if (++answered[0] == ballots) {
              client.close();
              gate.finish();
              done.complete(new Result(ballots, statuses, (System.nanoTime() - start) / 1_000_000));
            } else {
              next[0].run();
            }
          });
    };
    vertx.runOnContext(v -> {
      for (int c = 0; c < CONNECTIONS; c++) {
        next[0].run();
      }
    });
    return done.future();
  }
}
