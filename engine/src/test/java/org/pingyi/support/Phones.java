package org.pingyi.support;

import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Representatives' phones behind a load balancer: each logs in with a fresh face-auth ID token, then sends its
 * ballot with an Idempotency-Key of its own and, as the phone page does, retries the same body with the same key
 * after a 503 or a broken connection until it gets an answer that settles it. Attempts go to the engines in turn,
 * so a retry usually lands on another instance.
 */
public final class Phones {
  private static final Duration RETRY_AFTER = Duration.ofMillis(200);

  public record Phone(String representativeId, String accessToken, String idempotencyKey, JsonObject ballot) {}

  /** How one phone's ballot ended: the settling status (201, 200, or the last failure) and when it arrived. */
  public record Outcome(Phone phone, int status, String receipt, long settledAtNanos, int attempts) {
    public boolean acknowledged() {
      return status == 201 || status == 200;
    }

    @Override
    public String toString() {
      return phone.representativeId() + ": " + status + " after " + attempts + " attempt(s)";
    }
  }

  private Phones() {}

  /** One login with a face-auth ID token, whatever its answer. */
  public static Api.Reply signIn(Api engine, String idToken) {
    return engine.postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken));
  }

  /** Logs each representative (id, subject) in through the engines in turn, eight at a time; every login must succeed. */
  public static List<Phone> login(List<String[]> representatives, TestProvider provider, List<Api> engines)
      throws Exception {
    var threads = Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Phone>> phones = new ArrayList<>();
      for (int i = 0; i < representatives.size(); i++) {
        String[] rep = representatives.get(i);
        Api engine = engines.get(i % engines.size());
        JsonObject ballot = Ballots.all(Ballots.ECON1, Ballots.GRADES.get(i % Ballots.GRADES.size()));
        String idToken = provider.es256(rep[1]);
        phones.add(threads.submit(() -> {
          Api.Reply reply = signIn(engine, idToken);
          if (reply.status() != 200) {
            throw new IllegalStateException("login of " + rep[0] + " failed: " + reply.body());
          }
          return new Phone(rep[0], reply.json().getString("accessToken"), UUID.randomUUID().toString(), ballot);
        }));
      }
      List<Phone> loggedIn = new ArrayList<>();
      for (var phone : phones) {
        loggedIn.add(phone.get(2, TimeUnit.MINUTES));
      }
      return loggedIn;
    } finally {
      threads.shutdown();
    }
  }

  /**
   * Phone {@code i} starts {@code i × spacing} from now and keeps retrying until it is settled or {@code patience}
   * has passed since its start.
   */
  public static CompletableFuture<List<Outcome>> vote(String sessionId, List<Phone> phones, List<Api> engines,
      Duration spacing, Duration patience) {
    ScheduledExecutorService threads = Executors.newScheduledThreadPool(16);
    List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < phones.size(); i++) {
      Phone phone = phones.get(i);
      int first = i;
      CompletableFuture<Outcome> outcome = new CompletableFuture<>();
      threads.schedule(() -> {
        try {
          outcome.complete(send(sessionId, phone, engines, first, patience));
        } catch (Throwable e) {
          outcome.completeExceptionally(e);
        }
      }, spacing.toMillis() * i, TimeUnit.MILLISECONDS);
      outcomes.add(outcome);
    }
    return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
        .thenApply(v -> outcomes.stream().map(CompletableFuture::join).toList())
        .whenComplete((v, e) -> threads.shutdown());
  }

  private static Outcome send(String sessionId, Phone phone, List<Api> engines, int first, Duration patience)
      throws InterruptedException {
    long giveUp = System.nanoTime() + patience.toNanos();
    int attempts = 0;
    int status;
    String body = "";
    do {
      Api engine = engines.get((first + attempts) % engines.size());
      attempts++;
      try {
        Api.Reply reply = engine.postJson("/api/v1/sessions/" + sessionId + "/ballots", phone.ballot(),
            "Authorization", "Bearer " + phone.accessToken(), "Idempotency-Key", phone.idempotencyKey());
        status = reply.status();
        body = reply.body();
      } catch (UncheckedIOException brokenConnection) {
        status = -1;
      }
      if (status != 503 && status != -1) {
        break;
      }
      Thread.sleep(RETRY_AFTER.toMillis());
    } while (System.nanoTime() < giveUp);
    String receipt = status == 201 || status == 200 ? new JsonObject(body).getString("receipt") : null;
    return new Outcome(phone, status, receipt, System.nanoTime(), attempts);
  }
}
