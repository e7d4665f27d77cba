package org.pingyi.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few calls a simulation makes around the load: open its session, read reconcile and live. */
final class EngineApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  EngineApi(String base) {
    this.base = base;
  }

  JsonNode get(String path, String token) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** Opens the session unless it is open already; anything else it finds, or a refused open, stops the run. */
  void ensureOpen(String session, String operator) throws Exception {
    HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (list.statusCode() != 200) {
      throw new IllegalStateException("GET /api/v1/sessions answered " + list.statusCode() + ": " + list.body());
    }
    for (JsonNode s : JSON.readTree(list.body())) {
      if (!s.get("id").asText().equals(session)) {
        continue;
      }
      String state = s.get("state").asText();
      if (state.equals("open")) {
        return;
      }
      if (!state.equals("scheduled")) {
        throw new IllegalStateException("session " + session + " is " + state + ": it can no longer take ballots");
      }
      HttpResponse<String> opened = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/sessions/" + session + "/open"))
          .header("Authorization", "Bearer " + operator).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (opened.statusCode() != 200) {
        throw new IllegalStateException("opening " + session + " answered " + opened.statusCode() + ": " + opened.body());
      }
      return;
    }
    throw new IllegalStateException("the engine has no session " + session);
  }
}
