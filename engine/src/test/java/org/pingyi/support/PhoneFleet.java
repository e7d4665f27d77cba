package org.pingyi.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Phones as the phone page behaves: each holds GET /api/v1/sessions/stream open on a connection of its own and
 * reconnects a second after it drops (as EventSource does), logs in through the real face-auth path, and submits
 * one ballot per session with an Idempotency-Key it keeps, retrying on a network failure, 429 or 503 with the same
 * key and body, honouring Retry-After. Phones sit behind carrier addresses: every {@link #PHONES_PER_ADDRESS} share
 * one loopback source address (127.1.x.y), as many phones share one address behind carrier-grade NAT.
 */
public final class PhoneFleet implements AutoCloseable {
  public static final int PHONES_PER_ADDRESS = 100;
  private static final long GIVE_UP_NANOS = 90_000_000_000L;

  public record Phone(int index, String representativeId, String subject) {}

  /** One phone's answer: final status, attempts it took, nanoseconds from first try to answer, the body. */
  public record Answer(Phone phone, int status, int attempts, long nanos, String body) {
    public boolean acknowledged() {
      return status == 200 || status == 201;
    }
  }

  private final Vertx vertx;
  private final List<Phone> phones;
  private final List<Integer> ports;
  private final List<HttpClientAgent> streamClients = new ArrayList<>();
  private final List<HttpClientAgent> apiClients = new ArrayList<>();
  private final String[] accessTokens;
  private final SessionStreams streams;
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private final Map<Integer, AtomicInteger> retriedOn = new ConcurrentSkipListMap<>();

  /** Phone i talks to {@code ports.get(i % ports.size())}: one port for a balancer, several to spread over engines. */
  public PhoneFleet(List<Phone> phones, List<Integer> ports) {
    this.vertx = Vertx.vertx();
    this.phones = phones;
    this.ports = ports;
    this.accessTokens = new String[phones.size()];
    int addresses = (phones.size() + PHONES_PER_ADDRESS - 1) / PHONES_PER_ADDRESS;
    for (int a = 0; a < addresses; a++) {
      String source = "127.1." + (a / 250) + "." + (a % 250 + 1);
      HttpClientOptions options = new HttpClientOptions().setLocalAddress(source).setKeepAlive(true)
          .setConnectTimeout(10_000).setIdleTimeout(0);
      // A connection of its own per phone for its stream, and one for its API calls, as a phone's browser has.
      streamClients.add(vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(2 * PHONES_PER_ADDRESS)));
      apiClients.add(vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(PHONES_PER_ADDRESS)));
    }
    this.streams = new SessionStreams(vertx, phones.size(), i -> streamClients.get(i / PHONES_PER_ADDRESS), this::portOf);
  }

  public List<Phone> phones() {
    return phones;
  }

  public SessionStreams streams() {
    return streams;
  }

  public int acknowledged() {
    return acknowledged.get();
  }

  /** Attempts beyond each phone's first, over every call so far. */
  public int retries() {
    return retries.get();
  }

  /** What the retried attempts were answered (0: no answer, a network failure), and how often. */
  public Map<Integer, Integer> retriedOn() {
    Map<Integer, Integer> copy = new TreeMap<>();
    retriedOn.forEach((status, n) -> copy.put(status, n.get()));
    return copy;
  }

  /** Takes over another fleet's access tokens (the same phones, already logged in). */
  public void adoptTokens(PhoneFleet other) {
    System.arraycopy(other.accessTokens, 0, accessTokens, 0, accessTokens.length);
  }

  private int portOf(int phone) {
    return ports.get(phone % ports.size());
  }

  /**
   * Every phone logs in with a fresh ID token from {@code provider} (a new face scan per attempt), at most
   * {@code inFlight} at a time; the access tokens are kept for the ballots.
   */
  public Future<List<Answer>> login(TestProvider provider, int inFlight) {
    return each(inFlight, phone -> call(phone, HttpMethod.POST, "/api/v1/auth/face", null, () -> {
      try {
        return new JsonObject().put("idToken", provider.es256(phone.subject())).encode();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).map(answer -> {
      if (answer.status() == 200) {
        accessTokens[phone.index()] = new JsonObject(answer.body()).getString("accessToken");
      }
      return answer;
    }));
  }

  /** Every phone opens its ballot form for {@code session} (on its API connection), at most {@code inFlight} at a time. */
  public Future<List<Answer>> openBallotForm(String session, int inFlight) {
    return each(inFlight, phone -> call(phone, HttpMethod.GET, "/api/v1/sessions/" + session + "/ballot-form", null, () -> ""));
  }

  /**
   * Every phone submits its ballot for {@code session}, phone i after {@code spreadMillis * i / n} ms, each with an
   * Idempotency-Key of its own that it keeps across retries.
   */
  public Future<List<Answer>> vote(String session, Function<Phone, JsonObject> ballot, long spreadMillis) {
    List<Future<Answer>> all = new ArrayList<>();
    for (Phone phone : phones) {
      String key = session + "-" + UUID.randomUUID();
      String body = ballot.apply(phone).encode();
      Promise<Answer> answer = Promise.promise();
      long delay = Math.max(1, spreadMillis * phone.index() / phones.size());
      vertx.setTimer(delay, id -> call(phone, HttpMethod.POST, "/api/v1/sessions/" + session + "/ballots", key, () -> body)
          .onComplete(answer));
      all.add(answer.future());
    }
    return Future.all(all).map(done -> all.stream().map(Future::result).toList());
  }

  private Future<List<Answer>> each(int inFlight, Function<Phone, Future<Answer>> action) {
    Promise<List<Answer>> done = Promise.promise();
    Answer[] answers = new Answer[phones.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Runnable[] startNext = new Runnable[1];
    startNext[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= phones.size()) {
        return;
      }
      action.apply(phones.get(i)).onComplete(result -> {
        answers[i] = result.succeeded() ? result.result() : new Answer(phones.get(i), -1, 1, 0, String.valueOf(result.cause()));
        if (finished.incrementAndGet() == phones.size()) {
          done.complete(List.of(answers));
        } else {
          startNext[0].run();
        }
      });
    };
    vertx.runOnContext(v -> {
      for (int k = 0; k < Math.min(inFlight, phones.size()); k++) {
        startNext[0].run();
      }
    });
    return done.future();
  }

  /** One request with the phone page's retries: network failure, 429 and 503 are tried again, same key, same body. */
  private Future<Answer> call(Phone phone, HttpMethod method, String path, String idempotencyKey, Supplier<String> body) {
    Promise<Answer> answer = Promise.promise();
    attempt(new Call(phone, method, path, idempotencyKey, body, System.nanoTime()), 1, answer);
    return answer.future();
  }

  private record Call(Phone phone, HttpMethod method, String path, String idempotencyKey, Supplier<String> body, long start) {}

  private record Reply(int status, String retryAfter, String body) {}

  private void attempt(Call call, int attempt, Promise<Answer> answer) {
    int index = call.phone().index();
    RequestOptions request = new RequestOptions().setMethod(call.method()).setHost("127.0.0.1").setPort(portOf(index))
        .setURI(call.path()).setTimeout(30_000).putHeader("Content-Type", "application/json");
    if (accessTokens[index] != null) {
      request.putHeader("Authorization", "Bearer " + accessTokens[index]);
    }
    if (call.idempotencyKey() != null) {
      request.putHeader("Idempotency-Key", call.idempotencyKey());
    }
    apiClients.get(index / PHONES_PER_ADDRESS).request(request)
        .compose(r -> r.send(Buffer.buffer(call.body().get())))
        .compose(response -> response.body().map(b -> new Reply(response.statusCode(), response.getHeader("Retry-After"), b.toString())))
        .onComplete(result -> {
          Reply reply = result.succeeded() ? result.result() : new Reply(0, null, String.valueOf(result.cause()));
          boolean again = reply.status() == 0 || reply.status() == 429 || reply.status() == 503;
          long elapsed = System.nanoTime() - call.start();
          if (again && elapsed < GIVE_UP_NANOS) {
            retries.incrementAndGet();
            retriedOn.computeIfAbsent(reply.status(), k -> new AtomicInteger()).incrementAndGet();
            vertx.setTimer(waitMillis(reply.retryAfter(), attempt), id -> attempt(call, attempt + 1, answer));
            return;
          }
          Answer done = new Answer(call.phone(), reply.status(), attempt, elapsed, reply.body());
          if (done.acknowledged() && call.idempotencyKey() != null) {
            acknowledged.incrementAndGet();
          }
          answer.complete(done);
        });
  }

  /** Retry-After when the answer has one (at most 15 s, as the phone page), else 200 ms doubling to 2 s. */
  private static long waitMillis(String retryAfter, int attempt) {
    if (retryAfter != null) {
      try {
        return Math.min(15, Math.max(0, Long.parseLong(retryAfter.trim()))) * 1000 + 1;
      } catch (NumberFormatException ignored) {
        // not a number of seconds: back off as without one
      }
    }
    return Math.min(2_000, 100L << Math.min(attempt, 5));
  }

  @Override
  public void close() {
    streams.close();
    vertx.close().await();
  }
}
