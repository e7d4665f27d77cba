package org.pingyi.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every request gets an id, echoed in the X-Request-Id header and in problem answers, so a representative's
 * complaint can be matched with the log line. A sane id from a load balancer is kept.
 */
public final class RequestIds {
  private static final String KEY = "requestId";
  private static final CharSequence HEADER = HttpHeaders.createOptimized("X-Request-Id");
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private RequestIds() {}

  public static void assign(RoutingContext ctx) {
    String incoming = ctx.request().getHeader("X-Request-Id");
    String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : fresh();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  private static String fresh() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE).substring(0, 8);
  }
}
