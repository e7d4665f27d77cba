package org.pingyi.support;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real HTTP server standing in for an SMS provider. Like real providers it drops a repeat of a message id it has
 * already delivered. It can be down (500), refuse some phones for good, or answer slowly.
 */
public final class TestSmsProvider implements AutoCloseable {
  public record Request(String messageId, String to, String text, String authorization) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Request> delivered = new ConcurrentHashMap<>();
  private final Set<String> refusedPhones = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean down = new AtomicBoolean();
  private volatile long delayMs;
  private final java.util.concurrent.atomic.AtomicInteger slowRequestsLeft = new java.util.concurrent.atomic.AtomicInteger();
  private volatile long slowMs;

  public TestSmsProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(32));
    server.createContext("/send", exchange -> {
      JsonObject body = new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      Request request = new Request(body.getString("messageId"), body.getString("to"), body.getString("text"),
          exchange.getRequestHeaders().getFirst("Authorization"));
      requests.add(request);
      try {
        Thread.sleep(slowRequestsLeft.getAndDecrement() > 0 ? slowMs : delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int status = down.get() || refusedPhones.contains(request.to()) ? 500 : 200;
      if (status == 200) {
        delivered.putIfAbsent(request.messageId(), request);
      }
      byte[] answer = (status == 200 ? "{\"ok\":true}" : "{\"error\":\"busy\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/send";
  }

  public List<Request> requests() {
    return requests;
  }

  public Map<String, Request> delivered() {
    return delivered;
  }

  public void down(boolean value) {
    down.set(value);
  }

  public void refuse(String phone) {
    refusedPhones.add(phone);
  }

  /** The next {@code count} requests take {@code ms} to answer (longer than the engine waits). */
  public void slowFor(int count, long ms) {
    slowMs = ms;
    slowRequestsLeft.set(count);
  }

  public void delay(long ms) {
    delayMs = ms;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
