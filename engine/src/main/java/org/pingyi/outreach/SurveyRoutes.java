package org.pingyi.outreach;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.http.Csv;

/**
 * The questionnaire's aggregates for operators and auditors ({@link SurveyAggregates}, over every ballot so far), as
 * JSON and CSV.
 */
public final class SurveyRoutes {
  private final Edition edition;
  private final SurveyAggregates survey;
  private final AdminGuard guard;

  public SurveyRoutes(Edition edition, Pool pool, AdminGuard guard) {
    this.edition = edition;
    this.survey = new SurveyAggregates(edition, pool);
    this.guard = guard;
  }

  public void mount(Router router) {
    router.get("/api/v1/admin/survey").handler(guard.require(AdminRole.operator, AdminRole.auditor))
        .handler(ctx -> survey.all().onSuccess(ctx::json).onFailure(ctx::fail));
    router.get("/api/v1/admin/survey.csv").handler(guard.require(AdminRole.operator, AdminRole.auditor))
        .handler(ctx -> survey.all()
            .onSuccess(a -> Csv.send(ctx, edition.id() + "-survey.csv", csv(a)))
            .onFailure(ctx::fail));
  }

  static String csv(JsonObject aggregates) {
    return Csv.withBom(List.of("question", "area", "kind", "text", "answer", "count"), csv -> {
      for (Object item : aggregates.getJsonArray("questions")) {
        JsonObject q = (JsonObject) item;
        JsonObject counts = q.getJsonObject("counts");
        if (counts != null) {
          for (String answer : counts.fieldNames()) {
            csv.printRecord(q.getString("id"), q.getString("area"), q.getString("kind"), q.getString("text"), answer, counts.getLong(answer));
          }
        }
        if (q.containsKey("mean")) {
          csv.printRecord(q.getString("id"), q.getString("area"), q.getString("kind"), q.getString("text"), "mean", q.getValue("mean"));
        }
        csv.printRecord(q.getString("id"), q.getString("area"), q.getString("kind"), q.getString("text"), "answered", q.getLong("answered"));
      }
    });
  }
}
