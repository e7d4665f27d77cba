package org.pingyi.http;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.lettuce.core.RedisException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.pingyi.store.ServerLoss;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into problem+json. Refusals keep their code; an outage of PostgreSQL or Redis becomes 503
 * with Retry-After; anything else is a 500 that says nothing about the inside (the log has the request id).
 */
public final class FailureHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  /** The SQL client's pool fails a wait for a free connection with this message (a shared VertxException). */
  private static final String POOL_TIMEOUT = ServerLoss.POOL_TIMEOUT;
  /** …and a wait for a connection of its own (getConnection, withTransaction) with this one (a NoStackTraceThrowable). */
  private static final String POOL_ACQUIRE_TIMEOUT = "Timeout";

  private FailureHandler() {}

  public static void handle(RoutingContext ctx) {
    Problems.send(ctx, toProblem(ctx));
  }

  static ProblemException toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ProblemException problem) {
      return problem;
    }
    if (failure instanceof DecodeException || failure instanceof IllegalArgumentException && failure.getMessage() != null
        && failure.getMessage().contains("JSON")) {
      return new ProblemException(ProblemCode.malformed_request, "The body is not valid JSON.");
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    switch (status) {
      case 400: return new ProblemException(ProblemCode.malformed_request, "The request could not be read.");
      case 401: return new ProblemException(ProblemCode.unauthenticated, "A bearer token is required.");
      case 403: return new ProblemException(ProblemCode.forbidden, "Not allowed.");
      case 404: return new ProblemException(ProblemCode.not_found, "No such resource.");
      case 405: return new ProblemException(ProblemCode.method_not_allowed, "This method is not allowed here.");
      case 413: return new ProblemException(ProblemCode.payload_too_large, "The body is larger than this endpoint accepts.");
      case 415: return new ProblemException(ProblemCode.unsupported_media_type, "This content type is not accepted here.");
      default: break;
    }
    if (isOutage(failure)) {
      LOG.warn("request failed: backing store unavailable ({})", failure.getClass().getSimpleName(), kv("requestId", RequestIds.of(ctx)));
      return ProblemException.unavailable("The service is briefly unavailable; please retry.", 2);
    }
    LOG.error("request failed {}", kv("requestId", RequestIds.of(ctx)), failure);
    return new ProblemException(ProblemCode.internal_error, "Something went wrong on our side; the request id identifies it.");
  }

  /**
   * PostgreSQL or Redis not answering, a PostgreSQL server that turned standby (read-only) in a failover, or every
   * PostgreSQL connection busy for longer than the pool waits: the client may retry, nothing was acknowledged.
   */
  public static boolean isOutage(Throwable failure) {
    if (ServerLoss.retiredPool(failure) || ServerLoss.is(failure)) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectionPoolTooBusyException || t instanceof VertxException && POOL_TIMEOUT.equals(t.getMessage())
          || t instanceof io.vertx.core.impl.NoStackTraceThrowable && POOL_ACQUIRE_TIMEOUT.equals(t.getMessage())) {
        return true;
      }
      if (t instanceof ConnectException || t instanceof TimeoutException || t instanceof RedisException
          || t instanceof io.vertx.core.impl.NoStackTraceTimeoutException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t.getClass().getName().contains("ConnectTimeout")) {
        return true;
      }
      if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
          && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P")
              || ServerLoss.READ_ONLY.equals(pg.getSqlState()))) {
        return true;
      }
    }
    return false;
  }
}
