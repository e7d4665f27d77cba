package org.pingyi.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.MutableClock;
import org.pingyi.support.SuggestionApi;
import org.pingyi.support.TestEngine;

/** Two engine instances on one database: the daily limit is exact, and concurrent clicks move a suggestion once. */
class SuggestionTwoInstancesTest {
  static MutableClock clock = new MutableClock(WorkingDaysTest.qingdao("2024-12-17T23:00"));
  static TestEngine a;
  static TestEngine b;
  static ExecutorService pool = Executors.newFixedThreadPool(16);

  @BeforeAll
  static void start() throws Exception {
    a = TestEngine.start(Map.of(), clock);
    b = a.sibling(Map.of(), clock);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    b.close();
    a.close();
  }

  static <T> List<T> all(List<Callable<T>> calls) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    calls.forEach(c -> futures.add(pool.submit(c)));
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @Test
  void atMostTwentySuggestionsPerAuthorADayEvenWhenBothInstancesTakeThemAtOnce() throws Exception {
    clock.set(WorkingDaysTest.qingdao("2024-12-17T23:00"));
    String token = new SuggestionApi(a).citizen("face-quota");
    JsonObject body = new JsonObject().put("topic", "governance").put("text", "建议公开更多政务数据。");
    List<Callable<Api.Reply>> calls = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Api api = (i % 2 == 0 ? a : b).api();
      calls.add(() -> api.postJson("/api/v1/suggestions", body, Api.bearer(token)));
    }
    List<Api.Reply> replies = all(calls);
    assertEquals(20, replies.stream().filter(r -> r.status() == 201).count());
    List<Api.Reply> limited = replies.stream().filter(r -> r.status() == 429).toList();
    assertEquals(10, limited.size());
    for (Api.Reply r : limited) {
      assertEquals("rate_limited", r.code());
      assertEquals("application/problem+json", r.header("Content-Type"));
      assertEquals("3600", r.header("Retry-After"), "seconds to midnight in Qingdao");
    }
    assertEquals(20, a.count("SELECT count(*) FROM suggestions WHERE topic = 'governance'"), "nothing stored beyond the limit");
    assertEquals(20, a.count("SELECT count(*) FROM suggestion_steps s JOIN suggestions g ON g.id = s.suggestion_id WHERE g.topic = 'governance'"));

    clock.set(WorkingDaysTest.qingdao("2024-12-18T00:00"));
    assertEquals(201, b.api().postJson("/api/v1/suggestions", body, Api.bearer(token)).status(), "a new day, a new quota");
  }

  @Test
  void concurrentClicksFromTwoDepartmentsAndTheOfficeMoveASuggestionOnce() throws Exception {
    clock.set(WorkingDaysTest.qingdao("2024-12-16T10:00"));
    SuggestionApi loop = new SuggestionApi(a);
    String author = loop.citizen("face-race");
    for (int round = 0; round < 8; round++) {
      String id = loop.suggest(author, "innovation", null, "建议设立科技成果转化基金 " + round, null);
      assertEquals(200, loop.assign(id, "D07", "D12").status());
      String leadOnA = a.department("D07");
      String coOnB = b.department("D12");
      String operatorOnB = b.operator();
      List<Api.Reply> replies = all(List.of(
          () -> a.api().postJson("/api/v1/admin/suggestions/" + id + "/answer",
              new JsonObject().put("answer", "已纳入。").put("adopted", true), Api.bearer(leadOnA)),
          () -> a.api().postJson("/api/v1/admin/suggestions/" + id + "/transfer",
              new JsonObject().put("to", "D12").put("reason", "由市水务管理局牵头"), Api.bearer(leadOnA)),
          () -> b.api().postJson("/api/v1/admin/suggestions/" + id + "/transfer",
              new JsonObject().put("to", "D12").put("reason", "办公室改派"), Api.bearer(operatorOnB)),
          () -> b.api().postJson("/api/v1/admin/suggestions/" + id + "/answer",
              new JsonObject().put("answer", "协办答复。").put("adopted", false), Api.bearer(coOnB))));
      long moved = replies.stream().filter(r -> r.status() == 200).count();
      JsonObject after = loop.one(a.operator(), id);
      List<String> steps = SuggestionApi.actions(after);
      // The lead's answer, the lead's transfer and the office's transfer exclude each other (a former lead gets 404). D12's answer is a
      // co-handler's (403) unless a transfer made D12 the lead first; then it may win as the new lead.
      assertTrue(moved == 1 || moved == 2 && steps.equals(List.of("submitted", "assigned", "transferred", "answered")),
          "round " + round + ": " + steps + " " + replies.stream().map(Api.Reply::status).toList());
      assertEquals(moved, steps.size() - 2, "one trail step per accepted click: " + steps);
      for (Api.Reply r : replies) {
        assertTrue(List.of(200, 403, 404, 409, 422).contains(r.status()), r.body());
      }
      assertEquals(steps.contains("answered") ? "answered" : "assigned", after.getString("status"));
    }
  }
}
