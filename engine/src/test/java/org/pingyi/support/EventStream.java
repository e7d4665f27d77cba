package org.pingyi.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A phone following a server-sent event stream of one engine: every {@code data:} line, in order. */
public final class EventStream implements AutoCloseable {
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private volatile InputStream body;

  public EventStream(int port, String path) {
    client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
          body = response.body();
          try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
              if (line.startsWith("data: ")) {
                events.add(line.substring(6));
              }
            }
          } catch (Exception closed) {
            // the stream ends with the test
          }
        });
  }

  /** Whether an event containing {@code wanted} arrives within {@code within}. */
  public boolean await(String wanted, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      String event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event != null && event.contains(wanted)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    if (body != null) {
      body.close();
    }
  }
}
