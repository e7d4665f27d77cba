package org.pingyi.support;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** Follows one SSE stream as a phone or console would and keeps every event it receives, in order. */
public final class SseRecorder implements AutoCloseable {
  public record Event(String type, JsonObject data) {}

  private final List<Event> events = new ArrayList<>();
  private final CompletableFuture<?> reading;
  private volatile int status;
  private volatile java.io.InputStream body;

  private SseRecorder(int port, String path, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    reading = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
        .thenAccept(response -> {
          status = response.statusCode();
          body = response.body();
          try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String type = "message";
            String line;
            while ((line = reader.readLine()) != null) {
              if (line.startsWith("event: ")) {
                type = line.substring(7);
              } else if (line.startsWith("data: ")) {
                synchronized (events) {
                  events.add(new Event(type, new JsonObject(line.substring(6))));
                  events.notifyAll();
                }
              } else if (line.isEmpty()) {
                type = "message";
              }
            }
          } catch (Exception closed) {
            // the stream ended or the test closed it
          }
        });
  }

  public static SseRecorder follow(int port, String path, String bearer) {
    return new SseRecorder(port, path, bearer);
  }

  public int status() {
    return status;
  }

  public List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  public long count(Predicate<Event> which) {
    return events().stream().filter(which).count();
  }

  /** Waits until an event matches; answers it, or fails with every event seen. */
  public Event await(Predicate<Event> which, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (events) {
      while (true) {
        for (Event e : events) {
          if (which.test(e)) {
            return e;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no such event within " + limit + "; saw " + events);
        }
        events.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  @Override
  public void close() {
    reading.cancel(true);
    try {
      if (body != null) {
        body.close();
      }
    } catch (java.io.IOException e) {
      // already closed
    }
  }
}
