package org.pingyi.http;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.pingyi.warmup.WarmUpGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request worth a look: method, path, status, duration, request id. No client address, no query
 * string, no headers, and receipts in paths are masked: nothing in it identifies a representative. By default only
 * refusals, failures and slow answers are logged ({@link Mode#refusals}): a burst of 20,000 ballots a second would
 * otherwise write 20,000 lines a second, costing the engine an eighth of its CPU (BENCHMARKS.md) and telling
 * operations nothing the metrics do not count already. {@link Mode#all} logs every request.
 */
public final class AccessLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("pingyi.access");
  private static final String RECEIPTS = "/api/v1/receipts/";
  private static final Pattern RECEIPT = Pattern.compile("^(/api/v1/receipts/)[^/]+");
  /** An answer slower than this is logged whatever its status. */
  static final long SLOW_NANOS = 1_000_000_000L;

  /** Which requests get a line. */
  public enum Mode { refusals, all }

  private final Mode mode;
  private final WarmUpGate warmUp;

  public AccessLog(Mode mode, WarmUpGate warmUp) {
    this.mode = mode;
    this.warmUp = warmUp;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (LOG.isInfoEnabled() && !warmUp.isWarmUp(ctx)) {
      long start = System.nanoTime();
      ctx.addBodyEndHandler(v -> {
        long nanos = System.nanoTime() - start;
        int status = ctx.response().getStatusCode();
        if (mode == Mode.all || status >= 400 || nanos >= SLOW_NANOS) {
          LOG.info("{} {} {} {}ms", kv("method", ctx.request().method().name()),
              kv("path", maskedPath(ctx.request().path())), kv("status", status),
              kv("durationMs", nanos / 1_000_000), kv("requestId", RequestIds.of(ctx)));
        }
      });
    }
    ctx.next();
  }

  static String maskedPath(String path) {
    if (path == null) {
      return "-";
    }
    return path.startsWith(RECEIPTS) ? RECEIPT.matcher(path).replaceFirst("$1{receipt}") : path;
  }
}
