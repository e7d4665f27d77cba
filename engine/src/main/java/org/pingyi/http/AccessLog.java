package org.pingyi.http;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, duration, request id. No client address, no query string, no
 * headers, and receipts in paths are masked: nothing in it identifies a representative.
 */
public final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("pingyi.access");
  private static final String RECEIPTS = "/api/v1/receipts/";
  private static final Pattern RECEIPT = Pattern.compile("^(/api/v1/receipts/)[^/]+");

  private AccessLog() {}

  public static void handle(RoutingContext ctx) {
    if (LOG.isInfoEnabled()) {
      long start = System.nanoTime();
      ctx.addBodyEndHandler(v -> LOG.info("{} {} {} {}ms", kv("method", ctx.request().method().name()),
          kv("path", maskedPath(ctx.request().path())), kv("status", ctx.response().getStatusCode()),
          kv("durationMs", (System.nanoTime() - start) / 1_000_000), kv("requestId", RequestIds.of(ctx))));
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
