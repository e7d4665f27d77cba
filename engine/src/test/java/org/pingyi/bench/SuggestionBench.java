package org.pingyi.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pingyi.support.Api;
import org.pingyi.support.MutableClock;
import org.pingyi.support.SuggestionApi;
import org.pingyi.support.TestEngine;

/**
 * A benchmark, not a test: starts an engine on the machine's PostgreSQL and Redis (a database of its own, dropped
 * afterwards), fills it with N suggestions from N/15 citizens through the real HTTP path, assigns 80 % over the
 * edition's departments, answers half of those and rates half of the answers, moves the clock past the due dates,
 * then times the office's and a department's list, the CSV and the figures. Prints p50/p99 per request kind.
 */
public final class SuggestionBench {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(arg(args, "--suggestions", "10000"));
    int samples = Integer.parseInt(arg(args, "--samples", "200"));
    int threads = Integer.parseInt(arg(args, "--threads", "16"));
    MutableClock clock = new MutableClock(java.time.Instant.parse("2024-11-18T01:00:00Z"));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (TestEngine engine = TestEngine.start(Map.of("postgres.poolSize", "16"), clock)) {
      Api api = engine.api();
      SuggestionApi loop = new SuggestionApi(engine);
      List<String> departments = engine.engine().edition().departments().stream().map(d -> d.code()).toList();
      List<String> topics = engine.engine().edition().topics().stream().map(t -> t.code()).toList();
      int citizens = (n + 14) / 15;
      List<String> tokens = run(pool, range(citizens).stream().<Callable<String>>map(i -> () -> loop.citizen("bench-citizen-" + i)).toList());

      Random random = new Random(15);
      String[] words = {"停车", "路灯", "公交", "学校", "医院", "养老", "社区", "绿化", "菜市场", "垃圾分类", "营商环境", "审批", "就业", "住房"};
      List<Callable<Long>> submits = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String token = tokens.get(i % citizens);
        String text = "建议改进" + words[random.nextInt(words.length)] + "和" + words[random.nextInt(words.length)] + "相关工作，编号" + i;
        JsonObject body = new JsonObject().put("topic", topics.get(i % topics.size())).put("text", text);
        submits.add(() -> timed(() -> api.postJson("/api/v1/suggestions", body, Api.bearer(token)), 201));
      }
      long start = System.nanoTime();
      long[] submitNanos = toArray(run(pool, submits));
      double submitSeconds = (System.nanoTime() - start) / 1e9;

      JsonArray all = new JsonArray();
      for (int offset = 0; offset < n; offset += 1000) {
        all.addAll(api.get("/api/v1/admin/suggestions?limit=1000&offset=" + offset, Api.bearer(engine.operator())).json().getJsonArray("suggestions"));
      }
      List<String> ids = all.stream().map(o -> ((JsonObject) o).getString("id")).sorted(java.util.Comparator.comparingLong(Long::parseLong)).toList();
      List<Callable<Long>> steps = new ArrayList<>();
      for (int i = 0; i < ids.size() * 8 / 10; i++) {
        String id = ids.get(i);
        String lead = departments.get(i % departments.size());
        steps.add(() -> timed(() -> loop.assign(id, lead), 200));
      }
      long[] assignNanos = toArray(run(pool, steps));
      steps.clear();
      for (int i = 0; i < ids.size() * 4 / 10; i++) {
        String id = ids.get(i);
        String lead = departments.get(i % departments.size());
        boolean adopted = i % 3 == 0;
        steps.add(() -> timed(() -> loop.answer(lead, id, "已研究办理。", adopted, null), 200));
      }
      long[] answerNanos = toArray(run(pool, steps));
      steps.clear();
      clock.advance(Duration.ofDays(1));
      for (String token : tokens) {
        for (Object o : loop.mine(token)) {
          JsonObject s = (JsonObject) o;
          if (s.getBoolean("feedbackOpen") && Long.parseLong(s.getString("id")) % 2 == 0) {
            steps.add(() -> timed(() -> loop.feedback(token, s.getString("id"), Long.parseLong(s.getString("id")) % 4 == 0, null), 200));
          }
        }
      }
      long[] feedbackNanos = toArray(run(pool, steps));
      clock.advance(Duration.ofDays(30));  // past every due date: the unanswered ones are overdue

      String operator = engine.operator();
      String d07 = engine.department("D07");
      List<String[]> reads = List.of(
          new String[] {"list, office, first page (100)", "/api/v1/admin/suggestions", operator},
          new String[] {"list, office, status=assigned", "/api/v1/admin/suggestions?status=assigned", operator},
          new String[] {"list, office, overdue=true", "/api/v1/admin/suggestions?overdue=true", operator},
          new String[] {"list, office, page at offset 9000", "/api/v1/admin/suggestions?offset=9000", operator},
          new String[] {"list, department D07 (its own)", "/api/v1/admin/suggestions", d07},
          new String[] {"stats, office", "/api/v1/admin/suggestions/stats", operator},
          new String[] {"stats, department", "/api/v1/admin/suggestions/stats", d07},
          new String[] {"CSV, office (all rows)", "/api/v1/admin/suggestions.csv", operator});
      System.out.printf("%n%,d suggestions from %,d citizens; submit %,.0f/s over %d threads%n", n, citizens, n / submitSeconds, threads);
      System.out.printf("%-36s %8s %8s %8s %6s%n", "request", "p50 ms", "p99 ms", "max ms", "n");
      print("submit (POST /api/v1/suggestions)", submitNanos);
      print("assign", assignNanos);
      print("answer", answerNanos);
      print("feedback", feedbackNanos);
      for (String[] read : reads) {
        int count = read[0].startsWith("CSV") ? Math.max(10, samples / 10) : samples;
        long[] nanos = new long[count];
        api.get(read[1], Api.bearer(read[2]));  // warm-up
        for (int i = 0; i < count; i++) {
          nanos[i] = timed(() -> api.get(read[1], Api.bearer(read[2])), 200);
        }
        print(read[0], nanos);
      }
      JsonObject totals = api.get("/api/v1/admin/suggestions/stats", Api.bearer(operator)).json().getJsonObject("totals");
      System.out.println("figures: " + totals.encode());
    } finally {
      pool.shutdownNow();
    }
  }

  interface Call {
    Api.Reply call();
  }

  static long timed(Call call, int expected) {
    long t0 = System.nanoTime();
    Api.Reply reply = call.call();
    long took = System.nanoTime() - t0;
    if (reply.status() != expected) {
      throw new IllegalStateException("expected " + expected + ", got " + reply.status() + ": " + reply.body());
    }
    return took;
  }

  static <T> List<T> run(ExecutorService pool, List<Callable<T>> calls) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    calls.forEach(c -> futures.add(pool.submit(c)));
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  static void print(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("%-36s %8.1f %8.1f %8.1f %6d%n", name, pct(sorted, 0.50), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
  }

  static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
