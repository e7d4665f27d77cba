package org.pingyi.roster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * POST /api/v1/admin/roster (operator): the CSV body (up to 64 MiB) streams to a temporary file, is parsed off
 * the event loop, and is imported all or nothing. Mounted before the 64 KiB body limit of every other route.
 */
public final class RosterRoutes {
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private final Vertx vertx;
  private final Edition edition;
  private final RosterImporter importer;
  private final AdminGuard guard;

  public RosterRoutes(Vertx vertx, Edition edition, RosterImporter importer, AdminGuard guard) {
    this.vertx = vertx;
    this.edition = edition;
    this.importer = importer;
    this.guard = guard;
  }

  public void mount(Router router) {
    router.post("/api/v1/admin/roster").handler(guard.require(AdminRole.operator)).handler(this::importCsv);
  }

  private void importCsv(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String type = request.getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("text/csv")) {
      ctx.fail(new ProblemException(ProblemCode.unsupported_media_type, "Send the roster as text/csv."));
      return;
    }
    String length = request.getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > MAX_BYTES) {
      ctx.fail(tooLarge());
      return;
    }
    request.pause();
    vertx.fileSystem().createTempFile("pingyi-roster-", ".csv")
        .compose(path -> LimitedWriteStream.receive(vertx, request, path, MAX_BYTES, RosterRoutes::tooLarge)
            .compose(v -> vertx.executeBlocking(() -> RosterFiles.read(Path.of(path), edition), false))
            .compose(parse -> parse.ok()
                ? importer.apply(parse.entries(), AdminGuard.of(ctx).actor())
                : Future.failedFuture(new ProblemException(ProblemCode.invalid_roster,
                    parse.errors().size() + " line(s) are not acceptable; nothing was imported.", parse.errors())))
            .eventually(() -> vertx.fileSystem().delete(path)))
        .onSuccess(outcome -> ctx.json(outcome.toJson()))
        .onFailure(ctx::fail);
  }

  private static ProblemException tooLarge() {
    return new ProblemException(ProblemCode.payload_too_large, "The roster may be at most 64 MiB.");
  }
}
