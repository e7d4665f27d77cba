package org.pingyi.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * A benchmark, not a test: logs N demo representatives in through the dev provider, then has all of them submit
 * their ballot at once against a running engine, and prints throughput, latency percentiles and the group-commit
 * batch sizes the engine reports. Run it with the README's benchmark command.
 */
public final class BallotBurst {
  public static void main(String[] args) throws Exception {
    String base = arg(args, "--url", "http://localhost:8080");
    String management = arg(args, "--management-url", "http://localhost:8081");
    String operator = arg(args, "--operator", null);
    String session = arg(args, "--session", "econ1-2024");
    int n = Integer.parseInt(arg(args, "--representatives", "3000"));
    Path roster = Path.of(arg(args, "--roster", "config/roster/demo-roster.csv"));

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
    List<String> reps = Files.readAllLines(roster).stream().skip(1).map(l -> l.split(","))
        .filter(f -> f[5].equals("active")).map(f -> f[0]).limit(n).toList();
    if (operator != null) {
      send(client, post(base + "/api/v1/admin/sessions/" + session + "/open", "", "Authorization", "Bearer " + operator));
    }
    JsonObject form = null;
    List<String> tokens = new ArrayList<>();
    Semaphore gate = new Semaphore(64);
    List<CompletableFuture<String>> logins = new ArrayList<>();
    long loginStart = System.nanoTime();
    for (String rep : reps) {
      gate.acquire();
      logins.add(client.sendAsync(post(base + "/api/v1/dev/face-auth", new JsonObject().put("representativeId", rep).encode()),
              HttpResponse.BodyHandlers.ofString())
          .thenCompose(r -> client.sendAsync(post(base + "/api/v1/auth/face",
              new JsonObject().put("idToken", new JsonObject(r.body()).getString("idToken")).encode()), HttpResponse.BodyHandlers.ofString()))
          .thenApply(r -> new JsonObject(r.body()).getString("accessToken"))
          .whenComplete((t, e) -> gate.release()));
    }
    for (CompletableFuture<String> f : logins) {
      tokens.add(f.get());
    }
    double loginSeconds = (System.nanoTime() - loginStart) / 1e9;
    form = new JsonObject(send(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions/" + session + "/ballot-form"))
        .header("Authorization", "Bearer " + tokens.get(0)).GET().build()).body());
    List<String> departments = form.getJsonArray("departments").stream().map(d -> ((JsonObject) d).getString("code")).toList();
    List<String> grades = form.getJsonArray("grades").stream().map(g -> ((JsonObject) g).getString("code")).toList();

    Random random = new Random(1);
    List<HttpRequest> ballots = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      JsonObject scores = new JsonObject();
      departments.forEach(d -> scores.put(d, grades.get(random.nextInt(grades.size()))));
      ballots.add(post(base + "/api/v1/sessions/" + session + "/ballots", new JsonObject().put("scores", scores).encode(),
          "Authorization", "Bearer " + tokens.get(i), "Idempotency-Key", "burst-" + i));
    }
    long[] latency = new long[ballots.size()];
    int[] status = new int[ballots.size()];
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < ballots.size(); i++) {
      int index = i;
      long sent = System.nanoTime();
      inFlight.add(client.sendAsync(ballots.get(i), HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
        latency[index] = System.nanoTime() - sent;
        status[index] = e == null ? r.statusCode() : -1;
        return null;
      }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get();
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latency);
    Map<Integer, Long> statuses = Arrays.stream(status).boxed().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    String metrics = send(client, HttpRequest.newBuilder(URI.create(management + "/metrics")).GET().build()).body();

    System.out.printf("representatives          %d (logged in through the dev provider in %.1f s)%n", tokens.size(), loginSeconds);
    System.out.printf("burst                    all %d ballots sent at once, last answer after %.3f s%n", ballots.size(), seconds);
    System.out.printf("statuses                 %s%n", statuses);
    System.out.printf("durable ballots/s        %.0f%n", statuses.getOrDefault(201, 0L) / seconds);
    System.out.printf("submit latency ms        p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", ms(latency, 0.50), ms(latency, 0.95),
        ms(latency, 0.99), latency[latency.length - 1] / 1e6);
    System.out.printf("group-commit batches     %s%n", batches(metrics));
  }

  private static String batches(String metrics) {
    double count = value(metrics, "pingyi_ballot_batch_size_count");
    double sum = value(metrics, "pingyi_ballot_batch_size_sum");
    double max = value(metrics, "pingyi_ballot_batch_size_max");
    return String.format("%.0f transactions, mean %.1f ballots, max %.0f", count, count == 0 ? 0 : sum / count, max);
  }

  private static double value(String metrics, String name) {
    return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static HttpRequest post(String url, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
