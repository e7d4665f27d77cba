package org.pingyi.suggestion;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.edition.Edition;
import org.pingyi.outreach.SmsOutbox;

/**
 * The loop's SMS, queued in the reminders' outbox in the transaction of the step they announce: an author learns an
 * answer is there (never its text, which may be long, nor anything personal), a department is urged. Message ids are
 * the notice's identity (suggestion, answer round; day, department), so a step retried never sends twice.
 */
final class SuggestionNotices {
  static final String ANSWER_PURPOSE = "suggestion-answer";
  static final String URGE_PURPOSE = "suggestion-urge";
  static final String ANSWER_TEXT = "【三民活动】您提交的意见建议（编号%d）已有答复，请打开评议页面“意见建议”查看并评价。";
  static final String URGE_TEXT = "【三民活动】意见建议催办：%s有%d件将于%s到期，请尽快办理答复。";
  static final String URGE_AND_OVERDUE_TEXT = "【三民活动】意见建议催办：%s有%d件将于%s到期、%d件已逾期未答复，请尽快办理。";
  static final String OVERDUE_TEXT = "【三民活动】意见建议通报：%s有%d件已逾期未答复，请尽快办理。";

  private final Edition edition;

  SuggestionNotices(Edition edition) {
    this.edition = edition;
  }

  /** Tells the authors of an answered suggestion and of its merged duplicates who gave a phone; answers their ids. */
  Future<List<Long>> answered(SqlClient conn, long id, int round) {
    return conn.preparedQuery(SuggestionSql.ANSWER_RECIPIENTS).execute(Tuple.of(id)).compose(rows -> {
      List<Long> told = new ArrayList<>();
      List<Future<Void>> queued = new ArrayList<>();
      rows.forEach(r -> {
        long recipient = r.getLong("id");
        told.add(recipient);
        queued.add(SmsOutbox.enqueue(conn, ANSWER_PURPOSE + ":" + recipient + ":" + id + ":" + round, ANSWER_PURPOSE,
            r.getString("phone"), ANSWER_TEXT.formatted(recipient)));
      });
      return Future.all(queued).map(told);
    });
  }

  /** One message a day to a department's contact number, for what it has due soon and overdue. */
  Future<Boolean> urge(SqlClient conn, LocalDate day, String department, long dueSoon, long overdue, Instant firstDue,
      WorkingDays calendar) {
    String phone = edition.suggestionsOrDefault().contactsOrNone().get(department);
    if (phone == null) {
      return Future.succeededFuture(false);
    }
    String name = edition.department(department).map(Edition.Department::name).orElse(department);
    String due = firstDue == null ? "" : calendar.day(firstDue.minusSeconds(1)).format(DateTimeFormatter.ofPattern("M月d日"));
    String text = dueSoon == 0 ? OVERDUE_TEXT.formatted(name, overdue)
        : overdue == 0 ? URGE_TEXT.formatted(name, dueSoon, due)
        : URGE_AND_OVERDUE_TEXT.formatted(name, dueSoon, due, overdue);
    return SmsOutbox.enqueue(conn, URGE_PURPOSE + ":" + day + ":" + department, URGE_PURPOSE, phone, text).map(true);
  }
}
