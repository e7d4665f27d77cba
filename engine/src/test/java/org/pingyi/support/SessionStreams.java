package org.pingyi.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Each phone's GET /api/v1/sessions/stream, held open and reopened a second after it drops (as EventSource does).
 * Records, per session and state, when each phone first heard of it.
 */
public final class SessionStreams {
  private static final long RECONNECT_MILLIS = 1_000;

  private final Vertx vertx;
  private final int phones;
  private final IntFunction<HttpClientAgent> clientOf;
  private final IntUnaryOperator portOf;
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicInteger opened = new AtomicInteger();
  private final Map<String, AtomicLongArray> heard = new ConcurrentHashMap<>();
  private volatile boolean closed;

  SessionStreams(Vertx vertx, int phones, IntFunction<HttpClientAgent> clientOf, IntUnaryOperator portOf) {
    this.vertx = vertx;
    this.phones = phones;
    this.clientOf = clientOf;
    this.portOf = portOf;
  }

  /** Opens every phone's stream, {@code perSecond} new connections a second at most. */
  public void openAll(int perSecond) {
    long gap = Math.max(1, 1000L * 100 / perSecond);
    for (int start = 0; start < phones; start += 100) {
      int from = start;
      vertx.setTimer(1 + gap * (start / 100), id -> {
        for (int i = from; i < Math.min(phones, from + 100); i++) {
          connect(i);
        }
      });
    }
  }

  /** Streams open right now (answered 200 and not ended). */
  public int held() {
    return held.get();
  }

  /** Streams opened so far, reconnections included. */
  public int opened() {
    return opened.get();
  }

  /** When each phone first heard that {@code session} went to {@code state} (System.nanoTime; 0: not yet). */
  public long[] heard(String session, String state) {
    AtomicLongArray times = table(session, state);
    long[] copy = new long[phones];
    for (int i = 0; i < phones; i++) {
      copy[i] = times.get(i);
    }
    return copy;
  }

  public int heardCount(String session, String state) {
    int n = 0;
    for (long t : heard(session, state)) {
      n += t == 0 ? 0 : 1;
    }
    return n;
  }

  private AtomicLongArray table(String session, String state) {
    return heard.computeIfAbsent(session + "\n" + state, k -> new AtomicLongArray(phones));
  }

  private void connect(int phone) {
    if (closed) {
      return;
    }
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
        .setPort(portOf.applyAsInt(phone)).setURI("/api/v1/sessions/stream").putHeader("Accept", "text/event-stream");
    clientOf.apply(phone).request(request)
        .compose(r -> r.send())
        .onSuccess(response -> follow(phone, response))
        .onFailure(e -> reconnectLater(phone));
  }

  private void follow(int phone, HttpClientResponse response) {
    if (response.statusCode() != 200) {
      response.body().onComplete(b -> reconnectLater(phone));
      return;
    }
    held.incrementAndGet();
    opened.incrementAndGet();
    AtomicBoolean ended = new AtomicBoolean();
    StringBuilder pending = new StringBuilder();
    response.handler((Buffer chunk) -> {
      pending.append(chunk.toString());
      int newline;
      while ((newline = pending.indexOf("\n")) >= 0) {
        String line = pending.substring(0, newline);
        pending.delete(0, newline + 1);
        if (line.startsWith("data: ")) {
          JsonObject event = new JsonObject(line.substring(6));
          table(event.getString("id"), event.getString("state")).compareAndSet(phone, 0, System.nanoTime());
        }
      }
    });
    Runnable end = () -> {
      if (ended.compareAndSet(false, true)) {
        held.decrementAndGet();
        reconnectLater(phone);
      }
    };
    response.endHandler(v -> end.run());
    response.exceptionHandler(e -> end.run());
    response.request().connection().closeHandler(v -> end.run());
  }

  private void reconnectLater(int phone) {
    if (!closed) {
      vertx.setTimer(RECONNECT_MILLIS + (phone % 10) * 50L, id -> connect(phone));
    }
  }

  void close() {
    closed = true;
  }
}
