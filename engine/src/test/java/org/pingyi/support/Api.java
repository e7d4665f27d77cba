package org.pingyi.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client for one engine; every call returns status, headers and body. */
public final class Api {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray array() {
      return new JsonArray(body);
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** The problem+json {@code code} member. */
    public String code() {
      return json().getString("code");
    }
  }

  public Reply get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
  }

  public Reply post(String path, String body, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
  }

  public Reply postJson(String path, Object json, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return post(path, json.toString(), all);
  }

  public Reply postBytes(String path, HttpRequest.BodyPublisher body, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).POST(body), headers);
  }

  private Reply send(HttpRequest.Builder builder, String... headers) {
    builder.timeout(Duration.ofSeconds(60));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }
}
