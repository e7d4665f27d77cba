package org.pingyi.roster;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.WriteStream;
import java.util.function.Supplier;

/** A write stream that passes bytes through until a limit, then drops and fails every further write. */
public final class LimitedWriteStream implements WriteStream<Buffer> {
  private final WriteStream<Buffer> target;
  private final long limit;
  private long written;
  private boolean overflowed;

  /**
   * Copies a request body into the file at {@code path} with back-pressure; past {@code limit} bytes the rest is
   * dropped and the future fails with {@code tooLarge}.
   */
  public static Future<Void> receive(Vertx vertx, HttpServerRequest request, String path, long limit,
      Supplier<Throwable> tooLarge) {
    return vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
        .compose(file -> {
          var limited = new LimitedWriteStream(file, limit);
          return request.pipeTo(limited).eventually(file::close)
              .recover(e -> Future.failedFuture(limited.overflowed() ? tooLarge.get() : e));
        });
  }

  LimitedWriteStream(WriteStream<Buffer> target, long limit) {
    this.target = target;
    this.limit = limit;
  }

  boolean overflowed() {
    return overflowed;
  }

  @Override
  public Future<Void> write(Buffer data) {
    written += data.length();
    if (written > limit) {
      overflowed = true;
      return Future.failedFuture("body over the limit");
    }
    return target.write(data);
  }

  @Override
  public Future<Void> end() {
    return overflowed ? Future.failedFuture("body over the limit") : Future.succeededFuture();
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    target.exceptionHandler(handler);
    return this;
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    target.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    // Past the limit the rest of the body is read and dropped; the file may already be closed.
    return !overflowed && target.writeQueueFull();
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    target.drainHandler(handler);
    return this;
  }
}
