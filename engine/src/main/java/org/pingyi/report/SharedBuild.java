package org.pingyi.report;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * One build at a time: a request that arrives while a build is running gets that build's result (figures a few
 * seconds old at most) instead of starting another. Once everything is published the report is public, and each build
 * reads every ballot of the edition and fills a worker thread; a crowd of readers, or one reader in a loop, now costs
 * one build at a time rather than one per request. Each caller is answered on its own context.
 */
final class SharedBuild<T> {
  private Future<T> running;

  Future<T> get(Supplier<Future<T>> build) {
    Future<T> shared;
    Future<T> started = null;
    synchronized (this) {
      if (running == null) {
        started = build.get();
        running = started;
      }
      shared = running;
    }
    if (started != null) {
      Future<T> mine = started;  // a build that is already done clears itself here, at once
      mine.onComplete(done -> finished(mine));
    }
    Context caller = Vertx.currentContext();
    if (caller == null) {
      return shared;
    }
    Promise<T> answer = Promise.promise();
    shared.onComplete(done -> caller.runOnContext(v -> answer.handle(done)));
    return answer.future();
  }

  private synchronized void finished(Future<T> build) {
    if (running == build) {
      running = null;
    }
  }
}
