package org.pingyi.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Eventually;
import org.pingyi.support.MutableClock;
import org.pingyi.support.SuggestionApi;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestSmsProvider;

/**
 * Deadlines on working days across a weekend, the Mid-Autumn and National Day holidays and their adjusted working
 * weekends, with two engine instances on one clock: each day's job runs once (urging, overdue, closing unrated
 * answers), however both instances' timers and extra calls race for it.
 */
class SuggestionDailyJobTest {
  static final String D07_CONTACT = "10053200007";

  /** Both instances' timers run; both are also asked a few times at once. The day's row marks the work done. */
  static void day(MutableClock clock, String localTime, TestEngine a, TestEngine b) throws Exception {
    clock.set(WorkingDaysTest.qingdao(localTime));
    List<Future<Boolean>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(a.engine().runSuggestionDay());
      runs.add(b.engine().runSuggestionDay());
    }
    Future.join(runs).toCompletionStage().toCompletableFuture().get();
    String day = localTime.substring(0, 10);
    long rows = Eventually.await(() -> count(a, "SELECT count(*) FROM suggestion_job_runs WHERE day = ?::date", day),
        n -> n == 1, Duration.ofSeconds(10));
    assertEquals(1, rows, "the day's job ran once: " + day);
  }

  static long count(TestEngine engine, String sql, Object... parameters) {
    try {
      return engine.count(sql, parameters);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long steps(TestEngine engine, String id, String action) {
    return count(engine, "SELECT count(*) FROM suggestion_steps WHERE suggestion_id = ? AND action = ?", Long.parseLong(id), action);
  }

  @Test
  void urgingOverdueAndClosingHappenOnceADayAcrossTwoInstances() throws Exception {
    MutableClock clock = new MutableClock(WorkingDaysTest.qingdao("2024-09-13T10:00"));  // Friday before 中秋节
    try (TestSmsProvider sms = new TestSmsProvider();
         TestEngine a = TestEngine.start(Map.of("sms.gatewayUrl", sms.url()), clock);
         TestEngine b = a.sibling(Map.of("sms.gatewayUrl", sms.url()), clock)) {
      SuggestionApi loop = new SuggestionApi(a);
      String author = loop.citizen("face-daily");
      String first = loop.suggest(author, "urban", null, "建议增设非机动车停放点。", null);
      String second = loop.suggest(author, "urban", null, "建议改造背街小巷路灯。", null);
      String third = loop.suggest(author, "ecology", null, "建议增加垃圾分类宣传。", "13800000021");
      assertEquals(200, loop.assign(first, "D07").status());
      assertEquals(200, loop.assign(second, "D07").status());
      var assigned = loop.assign(third, "D12");
      // 13 working days: Sat 14 (调休), 18-20, 23-27, Sun 29 (调休), 30, then 国庆节, Oct 8 and 9: due at the end of 9 October.
      assertEquals(WorkingDaysTest.qingdao("2024-10-10T00:00").toString(), assigned.json().getString("dueAt"));

      clock.set(WorkingDaysTest.qingdao("2024-09-20T10:00"));
      assertEquals(200, loop.answer("D12", third, "已加强宣传。", false, null).status());

      day(clock, "2024-09-27T09:00", a, b);
      assertEquals("answered", loop.one(a.operator(), third).getString("status"), "answered 7 days ago less an hour: still open to rating");
      day(clock, "2024-09-28T09:00", a, b);
      assertEquals("closed", loop.one(a.operator(), third).getString("status"), "not rated within 7 days: closed");
      assertEquals(1, steps(a, third, "closed"));
      assertTrue(SuggestionApi.byId(loop.mine(author), third).getString("status").equals("closed"));

      day(clock, "2024-10-08T09:00", a, b);
      assertEquals(0, steps(a, first, "urged"), "urged on the morning of the last working day, not before");

      day(clock, "2024-10-09T09:00", a, b);
      for (String id : List.of(first, second)) {
        assertEquals(1, steps(a, id, "urged"), id);
        assertEquals(0, steps(a, id, "overdue"), id);
      }
      Eventually.await(() -> sms.requests().stream().filter(r -> D07_CONTACT.equals(r.to())).count(), n -> n >= 1, Duration.ofSeconds(20));

      day(clock, "2024-10-10T09:00", a, b);
      for (String id : List.of(first, second)) {
        assertEquals(1, steps(a, id, "urged"), "urged once: " + id);
        assertEquals(1, steps(a, id, "overdue"), "marked overdue once: " + id);
      }
      assertEquals(2, loop.list(a.operator(), "?overdue=true").size());
      assertEquals(2, loop.list(a.department("D07"), "?overdue=true").size(), "listed for 通报 in the department's queue too");
      day(clock, "2024-10-11T09:00", a, b);
      assertEquals(1, steps(a, first, "overdue"), "a day later: still once");

      clock.set(WorkingDaysTest.qingdao("2024-10-12T07:00"));
      assertFalse(a.engine().runSuggestionDay().toCompletionStage().toCompletableFuture().get(), "not before 08:00");
      assertEquals(0, a.count("SELECT count(*) FROM suggestion_job_runs WHERE day = '2024-10-12'"));

      Eventually.await(() -> count(a, "SELECT count(*) FROM sms_outbox WHERE status <> 'sent'"), n -> n == 0, Duration.ofSeconds(20));
      List<TestSmsProvider.Request> toD07 = sms.requests().stream().filter(r -> D07_CONTACT.equals(r.to())).toList();
      assertEquals(2, toD07.size(), "one urging and one overdue notice for D07, each sent once: " + toD07);
      assertTrue(toD07.get(0).text().contains("市商务局有2件将于10月9日到期"), toD07.get(0).text());
      assertTrue(toD07.get(1).text().contains("市商务局有2件已逾期"), toD07.get(1).text());
      assertEquals(2, a.count("SELECT count(*) FROM sms_outbox WHERE purpose = 'suggestion-urge'"));
      assertEquals(4, a.count("SELECT count(*) FROM audit_log WHERE actor = 'system:daily' AND action IN ('suggestion.urged', 'suggestion.overdue')"));
      assertEquals(0, a.count("SELECT count(*) FROM sms_outbox WHERE to_phone IS NOT NULL"), "sent notices forget the phone");
      // The day's record is the one run's: a second run the same day would have found nothing left and written zeros.
      assertEquals(2, a.count("SELECT urged FROM suggestion_job_runs WHERE day = '2024-10-09'"));
      assertEquals(2, a.count("SELECT overdue FROM suggestion_job_runs WHERE day = '2024-10-10'"));
      assertEquals(1, a.count("SELECT closed FROM suggestion_job_runs WHERE day = '2024-09-28'"));
    }
  }
}
