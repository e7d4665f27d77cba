package org.pingyi.audit;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.http.FieldError;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * GET /api/v1/admin/audit?action=&actor=&target=&from=&to=&before=&limit= (operator, auditor): the audit log,
 * newest first, {@link #MAX_LIMIT} entries a page at most, personal details withheld ({@link AuditRedaction}).
 */
public final class AuditRoutes {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  private static final int MAX_FILTER = 200;

  private final AuditQuery query;
  private final AdminGuard guard;

  public AuditRoutes(AuditQuery query, AdminGuard guard) {
    this.query = query;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.get("/api/v1/admin/audit").handler(guard.require(AdminRole.operator, AdminRole.auditor)).handler(this::page);
  }

  private void page(RoutingContext ctx) {
    AuditQuery.Filter filter = filter(ctx);
    query.page(filter).onSuccess(page -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(page);
    }).onFailure(ctx::fail);
  }

  /** Every bad parameter in one answer. */
  static AuditQuery.Filter filter(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    String action = text(ctx, "action", errors);
    String actor = text(ctx, "actor", errors);
    String target = text(ctx, "target", errors);
    Instant from = time(ctx, "from", errors);
    Instant to = time(ctx, "to", errors);
    Long before = number(ctx, "before", 1, Long.MAX_VALUE, errors);
    Long limit = number(ctx, "limit", 1, MAX_LIMIT, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemCode.malformed_request, "Some filters of the audit log are not usable.", errors);
    }
    return new AuditQuery.Filter(action, actor, target, from, to, before, limit == null ? DEFAULT_LIMIT : limit.intValue());
  }

  private static String text(RoutingContext ctx, String name, List<FieldError> errors) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_FILTER) {
      errors.add(new FieldError(name, "at most " + MAX_FILTER + " characters"));
    }
    return value.strip();
  }

  private static Instant time(RoutingContext ctx, String name, List<FieldError> errors) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "an RFC 3339 UTC time such as 2024-12-17T01:00:00Z"));
      return null;
    }
  }

  private static Long number(RoutingContext ctx, String name, long min, long max, List<FieldError> errors) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    errors.add(new FieldError(name, "a whole number from " + min + " to " + max));
    return null;
  }
}
