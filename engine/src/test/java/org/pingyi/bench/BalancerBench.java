package org.pingyi.bench;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.pingyi.support.Api;
import org.pingyi.support.BalancedStack;
import org.pingyi.support.Ballots;
import org.pingyi.support.Eventually;
import org.pingyi.support.PhoneFleet;

/**
 * A benchmark, not a test: the balancer scenario of BalancerFailoverTest at scale (loadtest/balancer-bench.sh runs
 * it). N phones hold the session stream through nginx in front of two engine processes, hear a session open, log in
 * and all vote at once; then the same phones do the same straight to the engines (half each) without nginx. Prints
 * streams held, descriptors, time until every phone heard the open, ballots/s and latency, and the ratios.
 */
public final class BalancerBench {
  private static final Random RANDOM = new Random(7);
  private static Map<String, List<String>> departments;

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(arg(args, "--phones", "3000"));
    Path roster = Path.of(arg(args, "--roster", "config/roster/demo-roster.csv")).toAbsolutePath();
    try (BalancedStack stack = BalancedStack.start(roster)) {
      List<PhoneFleet.Phone> phones = stack.phones(n);
      departments = stack.nginx().api().get("/api/v1/sessions").array().stream().map(JsonObject.class::cast)
          .collect(Collectors.toMap(s -> s.getString("id"), s -> s.getJsonArray("departments").stream()
              .map(d -> ((JsonObject) d).getString("code")).toList()));
      System.out.printf("phones                          %d, %d behind each source address (carrier NAT)%n", n, PhoneFleet.PHONES_PER_ADDRESS);
      Round balancer;
      PhoneFleet through = new PhoneFleet(phones, List.of(stack.nginx().port()));
      try {
        balancer = round("through nginx", stack, through, "econ1-2024", () -> {
          login(stack, through);
          // Warm-up (JIT, connections, nginx keep-alive pool): the same burst on another session, not measured.
          open(stack, "service-2024");
          vote(through, "service-2024");
        });
      } finally {
        through.close();
      }
      Round direct;
      PhoneFleet straight = new PhoneFleet(phones, stack.enginePorts());
      try {
        straight.adoptTokens(through);
        direct = round("straight to the engines", stack, straight, "econ2-2024", () -> { });
      } finally {
        straight.close();
      }
      long stored = stack.count("SELECT count(*) FROM ballots WHERE session_id IN ('econ1-2024', 'econ2-2024')");
      System.out.printf("ballots stored (both rounds)    %d of %d%n", stored, 2L * n);
      System.out.printf("ratio nginx ÷ direct            ballots/s %.1f %%, p99 %.2f×, time to hear the open %.2f×%n",
          100.0 * balancer.ballotsPerSecond / direct.ballotsPerSecond, balancer.p99Millis / direct.p99Millis,
          (double) balancer.heardMillis / Math.max(1, direct.heardMillis));
    }
  }

  private record Round(long heardMillis, double ballotsPerSecond, double p99Millis) {}

  private static Round round(String name, BalancedStack stack, PhoneFleet fleet, String session, Checked before) throws Exception {
    int n = fleet.phones().size();
    long t0 = System.nanoTime();
    fleet.streams().openAll(2_000);
    int held = Eventually.await(fleet.streams()::held, h -> h == n, Duration.ofSeconds(180));
    System.out.printf("[%s]%n  streams held                  %d of %d, all open after %.1f s%n", name, held, n,
        (System.nanoTime() - t0) / 1e9);
    System.out.printf("  descriptors                   nginx %d, engines %d + %d%n", stack.nginx().openFiles(),
        stack.engine(0).openFiles(), stack.engine(1).openFiles());
    long opened = System.nanoTime();
    open(stack, session);
    int heard = Eventually.await(() -> fleet.streams().heardCount(session, "open"), h -> h == n, Duration.ofSeconds(60));
    long last = Arrays.stream(fleet.streams().heard(session, "open")).max().orElse(opened) - opened;
    System.out.printf("  heard the open                %d of %d phones, the last %d ms after the operator's request%n", heard, n,
        last / 1_000_000);
    before.run();
    // Each phone opens its ballot form before it votes, so both rounds vote over connections already open.
    long forms = fleet.openBallotForm(session, 200).toCompletionStage().toCompletableFuture().get(600, TimeUnit.SECONDS)
        .stream().filter(a -> a.status() == 200).count();
    System.out.printf("  ballot forms opened           %d of %d%n", forms, n);
    long start = System.nanoTime();
    List<PhoneFleet.Answer> answers = vote(fleet, session);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] latency = answers.stream().mapToLong(PhoneFleet.Answer::nanos).sorted().toArray();
    Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(PhoneFleet.Answer::status, TreeMap::new, Collectors.counting()));
    long acknowledged = answers.stream().filter(PhoneFleet.Answer::acknowledged).count();
    Round round = new Round(last / 1_000_000, acknowledged / seconds, ms(latency, 0.99));
    System.out.printf("  ballots, all sent at once     %d acknowledged in %.2f s = %.0f ballots/s; statuses %s; retries %d %s%n",
        acknowledged, seconds, round.ballotsPerSecond, statuses, fleet.retries(), fleet.retriedOn());
    System.out.printf("  submit latency ms             p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", ms(latency, 0.5), ms(latency, 0.95),
        round.p99Millis, latency[latency.length - 1] / 1e6);
    return round;
  }

  private static void login(BalancedStack stack, PhoneFleet fleet) throws Exception {
    long t0 = System.nanoTime();
    List<PhoneFleet.Answer> logins = fleet.login(stack.provider(), 200).toCompletionStage().toCompletableFuture().get(600, TimeUnit.SECONDS);
    long ok = logins.stream().filter(a -> a.status() == 200).count();
    System.out.printf("  logins (real face-auth path)  %d of %d in %.1f s%n", ok, logins.size(), (System.nanoTime() - t0) / 1e9);
  }

  private static List<PhoneFleet.Answer> vote(PhoneFleet fleet, String session) throws Exception {
    List<String> codes = departments.get(session);
    return fleet.vote(session, phone -> Ballots.random(codes, RANDOM), 0)
        .toCompletionStage().toCompletableFuture().get(600, TimeUnit.SECONDS);
  }

  private static void open(BalancedStack stack, String session) {
    Api.Reply reply = stack.nginx().api().post("/api/v1/admin/sessions/" + session + "/open", "", stack.operator());
    if (reply.status() != 200) {
      throw new IllegalStateException("open " + session + ": " + reply.status() + " " + reply.body());
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private interface Checked {
    void run() throws Exception;
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
