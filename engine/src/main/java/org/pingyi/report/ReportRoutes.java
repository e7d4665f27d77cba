package org.pingyi.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import org.pingyi.auth.AdminGuard;
import org.pingyi.edition.Edition;
import org.pingyi.outreach.SurveyAggregates;
import org.pingyi.session.Embargo;
import org.pingyi.session.SessionState;
import org.pingyi.suggestion.SuggestionStats;
import org.pingyi.tally.Turnout;

/**
 * The edition report (API.md, Edition report), as a workbook and as a printable page:
 * <pre>
 *   GET /api/v1/admin/report.xlsx   auditors; anyone once every session is published
 *   GET /api/v1/admin/report.html   the same, as one HTML page with a CSP of its own (see {@link HtmlReport})
 * </pre>
 * The embargo is the results' ({@link Embargo}): until every session of the edition is published only an auditor
 * gets the report, and each such read is audit-logged; everyone else gets 403 embargoed. Its figures are read on
 * the public-reads pool, and the file is written in executeBlocking, off the event loop; requests that arrive while a
 * build runs share it ({@link SharedBuild}).
 */
public final class ReportRoutes {
  private final Vertx vertx;
  private final Edition edition;
  private final ReportReader reader;
  private final Embargo embargo;
  private final Clock clock;
  private final SharedBuild<byte[]> workbooks = new SharedBuild<>();
  private final SharedBuild<String> pages = new SharedBuild<>();

  /**
   * @param pool the writer's, for the audit log of embargoed reads
   * @param readPool the public-reads pool, for every figure
   * @param clock the engine's time, against which the suggestions' overdue figures are judged
   */
  public ReportRoutes(Vertx vertx, Edition edition, String editionSha256, Pool pool, Pool readPool, AdminGuard guard,
      Turnout turnout, SuggestionStats suggestions, Clock clock) {
    this.vertx = vertx;
    this.edition = edition;
    this.reader = new ReportReader(edition, editionSha256, readPool, turnout, new SurveyAggregates(edition, readPool), suggestions);
    this.embargo = new Embargo(edition, guard, pool);
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/api/v1/admin/report.xlsx").handler(ctx -> allowed(ctx, "report.xlsx")
        .compose(v -> workbooks.get(() -> reader.read(clock.instant()).compose(report -> vertx.executeBlocking(() -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
          XlsxReport.write(report, edition, out);
          return out.toByteArray();
        }, false))))
        .map(Buffer::buffer)
        .onSuccess(xlsx -> ctx.response()
            .putHeader("Content-Type", XlsxReport.CONTENT_TYPE)
            .putHeader("Content-Disposition", "attachment; filename=\"" + edition.id() + "-report.xlsx\"")
            .putHeader("Cache-Control", "no-store")
            .end(xlsx))
        .onFailure(ctx::fail));
    router.get("/api/v1/admin/report.html").handler(ctx -> allowed(ctx, "report.html")
        .compose(v -> pages.get(() -> reader.read(clock.instant())
            .compose(report -> vertx.executeBlocking(() -> HtmlReport.render(report, edition), false))))
        .onSuccess(html -> ctx.response()
            .putHeader("Content-Type", HtmlReport.CONTENT_TYPE)
            .putHeader("Content-Security-Policy", HtmlReport.CSP)
            .putHeader("Content-Disposition", "inline; filename=\"" + edition.id() + "-report.html\"")
            .putHeader("Cache-Control", "no-store")
            .end(html))
        .onFailure(ctx::fail));
  }

  /** Succeeds once the embargo lets this caller have the report (every caller is checked, shared build or not). */
  private Future<Void> allowed(RoutingContext ctx, String what) {
    return reader.states()
        .compose(states -> embargo.checkAllPublished(ctx, edition.id(),
            states.values().stream().allMatch(s -> s == SessionState.published),
            what, "The edition report is embargoed until every session is published."));
  }
}
