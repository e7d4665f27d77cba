package org.pingyi.outreach;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Enqueues one SMS for the reminder sender to deliver (at most once per {@code messageId}, retried like a reminder).
 * Pass the transaction's connection, so a notice is queued exactly when the change it announces commits.
 */
public final class SmsOutbox {
  private SmsOutbox() {}

  /** {@code purpose}: a short fixed word for metrics and the sink (e.g. suggestion-answer), never personal data. */
  public static Future<Void> enqueue(SqlClient client, String messageId, String purpose, String to, String text) {
    return client.preparedQuery(OutboxSql.ENQUEUE).execute(Tuple.of(messageId, purpose, to, text)).mapEmpty();
  }
}
