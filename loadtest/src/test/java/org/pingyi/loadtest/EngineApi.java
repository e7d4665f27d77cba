package org.pingyi.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few admin calls a simulation makes around the load: open a session, read reconcile and live. */
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

  int post(String path, String token) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Opens the session unless it is open already. */
  void ensureOpen(String session, String operator) throws Exception {
    for (JsonNode s : JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions")).build(),
        HttpResponse.BodyHandlers.ofString()).body())) {
      if (s.get("id").asText().equals(session) && s.get("state").asText().equals("scheduled")) {
        post("/api/v1/admin/sessions/" + session + "/open", operator);
      }
    }
  }
}
