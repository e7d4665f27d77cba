package org.pingyi.venue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.edition.SessionParam;

/**
 * GET /api/v1/admin/sessions/{id}/venues (operator, auditor) → {"sessionId","ballots","venues":[{"code","district",
 * "name","ballots"}]}: how many ballots each community venue's tablet stored in the session, every declared venue in
 * the edition's order (0 when none), then any counted code the edition no longer declares (district and name null).
 * Counts only: the table behind it knows no ballot, person or time.
 */
public final class VenueRoutes {
  /** Every venue's count of one session. */
  static final String COUNTS = "SELECT venue, ballots FROM venue_ballots WHERE session_id = $1 ORDER BY venue";

  private final Edition edition;
  private final Pool readPool;
  private final AdminGuard guard;

  /** @param readPool the consoles' reads, apart from the ballot writer's pool */
  public VenueRoutes(Edition edition, Pool readPool, AdminGuard guard) {
    this.edition = edition;
    this.readPool = readPool;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.get("/api/v1/admin/sessions/:id/venues").handler(guard.require(AdminRole.operator, AdminRole.auditor))
        .handler(this::counts);
  }

  private void counts(RoutingContext ctx) {
    Edition.Session session = SessionParam.of(edition, ctx);
    readPool.preparedQuery(COUNTS).execute(Tuple.of(session.id())).onSuccess(rows -> {
      Map<String, Long> counted = new LinkedHashMap<>();
      rows.forEach(row -> counted.put(row.getString("venue"), row.getLong("ballots")));
      JsonArray venues = new JsonArray();
      long total = 0;
      for (Edition.Venue v : edition.venuesOrNone()) {
        long ballots = counted.getOrDefault(v.code(), 0L);
        counted.remove(v.code());
        total += ballots;
        venues.add(new JsonObject().put("code", v.code()).put("district", v.district()).put("name", v.name())
            .put("ballots", ballots));
      }
      for (var left : counted.entrySet()) {
        total += left.getValue();
        venues.add(new JsonObject().put("code", left.getKey()).putNull("district").putNull("name")
            .put("ballots", left.getValue()));
      }
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(new JsonObject().put("sessionId", session.id()).put("ballots", total).put("venues", venues));
    }).onFailure(ctx::fail);
  }
}
