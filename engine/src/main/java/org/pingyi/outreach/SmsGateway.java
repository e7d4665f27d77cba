package org.pingyi.outreach;

import io.vertx.core.Future;

/** Where reminders go: an SMS provider over HTTP, or (outside production) a file. */
public interface SmsGateway {
  Future<Void> send(SmsMessage message);

  String describe();
}
