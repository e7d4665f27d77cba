package org.pingyi.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Fires many requests at once over real HTTP and collects every answer. */
public final class Burst {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final List<CompletableFuture<Answer>> inFlight = new ArrayList<>();

  public record Answer(String tag, int status, String body) {}

  public Burst(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public void post(String tag, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    inFlight.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Answer(tag, r.statusCode(), r.body()))
        .exceptionally(e -> new Answer(tag, -1, String.valueOf(e))));
  }

  /** The answers that have arrived so far, in no particular order; the rest stay in flight. */
  public List<Answer> arrived() {
    return inFlight.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
  }

  public List<Answer> await() throws Exception {
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    List<Answer> answers = new ArrayList<>();
    for (CompletableFuture<Answer> f : inFlight) {
      answers.add(f.get());
    }
    inFlight.clear();
    return answers;
  }
}
