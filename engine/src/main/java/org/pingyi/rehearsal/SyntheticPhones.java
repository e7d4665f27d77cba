package org.pingyi.rehearsal;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.pingyi.auth.DevFaceAuthProvider;
import org.pingyi.edition.Edition;
import org.pingyi.roster.RosterEntry;

/**
 * The rehearsal's phones. Each one does what the phone page does, over HTTP to the engine's own public port (the
 * real path: face-auth login with an ID token of the rehearsal provider, the ballot form, the ballot with an
 * Idempotency-Key, retried with the same key on 503 or a lost connection as the page does, honouring Retry-After).
 * When the office presses "broadcast ended" the phones are already watching: they sign in and open their form at once
 * (at most {@link #SIGNING_IN} at a time), and each submits at its own moment, spread evenly at random over the
 * seconds the office chose. Grades are drawn at random with a lean per department, so the ranking has a shape.
 */
final class SyntheticPhones {
  static final int SIGNING_IN = 64;
  static final int MAX_ATTEMPTS = 6;

  private final Vertx vertx;
  private final Context context;
  private final HttpClient client;
  private final DevFaceAuthProvider provider;
  private final Edition edition;

  SyntheticPhones(Vertx vertx, DevFaceAuthProvider provider, Edition edition) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(3000),
        new PoolOptions().setHttp1MaxSize(SIGNING_IN));
    this.provider = provider;
    this.edition = edition;
  }

  /** Starts the run's phones against {@code port}; completes when every phone has its answer. */
  Future<Void> run(RehearsalRun run, int port, Edition.Session session, List<RosterEntry> phones, int seconds, long seed) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> new Run(run, port, session, phones, seconds, new Random(seed), done).start());
    return done.future();
  }

  private final class Run {
    private final RehearsalRun record;
    private final int port;
    private final Edition.Session session;
    private final List<Edition.Department> departments;
    private final ArrayDeque<RosterEntry> waiting;
    private final int seconds;
    private final Random random;
    private final Promise<Void> done;
    private final long startedNanos = System.nanoTime();
    private int signingIn;

    Run(RehearsalRun record, int port, Edition.Session session, List<RosterEntry> phones, int seconds, Random random,
        Promise<Void> done) {
      this.record = record;
      this.port = port;
      this.session = session;
      this.departments = edition.departmentsOf(session);
      this.waiting = new ArrayDeque<>(phones);
      this.seconds = seconds;
      this.random = random;
      this.done = done;
    }

    void start() {
      if (waiting.isEmpty()) {
        done.complete();
        return;
      }
      next();
    }

    private void next() {
      while (signingIn < SIGNING_IN && !waiting.isEmpty()) {
        RosterEntry phone = waiting.poll();
        long submitAt = startedNanos + (long) (random.nextDouble() * seconds * 1_000_000_000L);
        JsonObject ballot = ballot();
        signingIn++;
        signIn(phone).onComplete(signedIn -> {
          signingIn--;
          next();
          if (signedIn.failed()) {
            settle(signedIn.cause().getMessage(), false, 1, System.nanoTime());
            return;
          }
          long wait = Math.max(1, (submitAt - System.nanoTime()) / 1_000_000);
          vertx.setTimer(wait, t -> vote(signedIn.result(), ballot));
        });
      }
    }

    /** Login and ballot form; answers the access token, or fails with the outcome that stopped it ("login 401 invalid_token"). */
    private Future<String> signIn(RosterEntry phone) {
      Future<Answer> login = retrying(() -> send(HttpMethod.POST, "/api/v1/auth/face", null,
          new JsonObject().put("idToken", provider.signIdToken(phone.subject(), RehearsalSetup.ISSUER, RehearsalSetup.AUDIENCE)),
          null), 1);
      return login.compose(answer -> {
        if (answer.status() != 200) {
          return Future.failedFuture("login " + answer.outcome());
        }
        String token = answer.body().getString("accessToken");
        return retrying(() -> send(HttpMethod.GET, "/api/v1/sessions/" + session.id() + "/ballot-form", token, null, null), 1)
            .compose(form -> form.status() == 200 ? Future.succeededFuture(token) : Future.failedFuture("form " + form.outcome()));
      });
    }

    private void vote(String token, JsonObject ballot) {
      String key = UUID.randomUUID().toString();
      long first = System.nanoTime();
      int[] attempts = {0};
      retrying(() -> {
        attempts[0]++;
        return send(HttpMethod.POST, "/api/v1/sessions/" + session.id() + "/ballots", token, ballot, key);
      }, 1).onComplete(answer -> {
        long now = System.nanoTime();
        if (answer.failed()) {
          settle("no answer", false, attempts[0], first, now);
        } else {
          boolean acknowledged = answer.result().status() == 201 || answer.result().status() == 200;
          settle(answer.result().outcome(), acknowledged, attempts[0], first, now);
        }
      });
    }

    private void settle(String outcome, boolean acknowledged, int attempts, long now) {
      settle(outcome, acknowledged, attempts, now, now);
    }

    private void settle(String outcome, boolean acknowledged, int attempts, long first, long answered) {
      record.settled(outcome, acknowledged, attempts, first, answered);
      if (record.finished()) {
        done.tryComplete();
      }
    }

    private JsonObject ballot() {
      JsonObject scores = new JsonObject();
      List<Edition.Grade> grades = edition.grades();
      for (int d = 0; d < departments.size(); d++) {
        // The first grade is the best: each department leans a little further from it, so ranks differ.
        double lean = 0.15 + 0.6 * d / Math.max(1, departments.size());
        int grade = 0;
        while (grade < grades.size() - 1 && random.nextDouble() < lean) {
          grade++;
        }
        scores.put(departments.get(d).code(), grades.get(grade).code());
      }
      return new JsonObject().put("scores", scores);
    }

    /** Sends again on 503, 429 or a lost connection, after Retry-After (else a second), up to {@link #MAX_ATTEMPTS}. */
    private Future<Answer> retrying(java.util.function.Supplier<Future<Answer>> attempt, int number) {
      return attempt.get().transform(result -> {
        boolean retry = result.failed() || result.result().status() == 503 || result.result().status() == 429;
        if (!retry || number >= MAX_ATTEMPTS) {
          return result.failed() ? Future.failedFuture("no answer") : Future.succeededFuture(result.result());
        }
        long after = result.failed() ? 1 : result.result().retryAfterSeconds();
        Promise<Answer> again = Promise.promise();
        vertx.setTimer(TimeUnit.SECONDS.toMillis(after), t -> retrying(attempt, number + 1).onComplete(again));
        return again.future();
      });
    }

    private Future<Answer> send(HttpMethod method, String path, String token, JsonObject body, String idempotencyKey) {
      RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path)
          .setIdleTimeout(15_000);
      if (token != null) {
        options.putHeader("Authorization", "Bearer " + token);
      }
      if (idempotencyKey != null) {
        options.putHeader("Idempotency-Key", idempotencyKey);
      }
      if (body != null) {
        options.putHeader("Content-Type", "application/json");
      }
      return client.request(options)
          .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
          .compose(response -> response.body().map(buffer -> Answer.of(response.statusCode(),
              response.getHeader("Retry-After"), buffer.length() == 0 ? new JsonObject() : safeJson(buffer.toString()))));
    }
  }

  private static JsonObject safeJson(String text) {
    try {
      return new JsonObject(text);
    } catch (RuntimeException notJson) {
      return new JsonObject();
    }
  }

  /** An HTTP answer as a phone sees it. */
  record Answer(int status, long retryAfterSeconds, JsonObject body) {
    static Answer of(int status, String retryAfter, JsonObject body) {
      long after = 1;
      try {
        after = retryAfter == null ? 1 : Math.max(1, Math.min(30, Long.parseLong(retryAfter.trim())));
      } catch (NumberFormatException e) {
        // a date form, or junk: a second
      }
      return new Answer(status, after, body);
    }

    /** "201", or "409 already_voted" for a refusal with its problem code. */
    String outcome() {
      String code = body.getString("code");
      return code == null ? String.valueOf(status) : status + " " + code;
    }
  }

  void close() {
    client.close();
  }
}
