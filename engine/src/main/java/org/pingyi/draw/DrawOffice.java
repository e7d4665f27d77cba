package org.pingyi.draw;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.pingyi.audit.AuditLog;
import org.pingyi.edition.Edition;
import org.pingyi.roster.RosterCsv;
import org.pingyi.roster.RosterImporter;

/**
 * The office's way through a draw, one audit-logged step at a time: publish a pool (its hash at once), announce
 * where the seed will come from and when, enter the seed when it is known, draw, and adopt the roster through the
 * roster import. The pool is kept in PostgreSQL (every engine instance sees it) until adoption or discard.
 */
public final class DrawOffice {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final Pool pool;
  private final Pool readPool;
  private final Edition edition;
  private final RosterImporter importer;

  /** @param readPool for the public reads (the list, a draw, its transcript), apart from the ballot writer's pool */
  public DrawOffice(Vertx vertx, Pool pool, Pool readPool, Edition edition, RosterImporter importer) {
    this.vertx = vertx;
    this.pool = pool;
    this.readPool = readPool;
    this.edition = edition;
    this.importer = importer;
  }

  /** Step 1: a pool file, checked line by line and for feasibility before any seed is known. */
  public Future<DrawStep> publishPool(Path file, int year, String actor) {
    return vertx.executeBlocking(() -> {
      var check = RosterDraw.check(() -> Files.newInputStream(file), edition, year);
      return check.ok() ? new Checked(check, Files.readAllBytes(file)) : new Checked(check, null);
    }, false).compose(checked -> {
      var check = checked.check();
      if (!check.badLines().isEmpty()) {
        return Future.succeededFuture(new DrawStep.BadPool(check.badLines()));
      }
      if (!check.shortCells().isEmpty()) {
        return Future.succeededFuture(new DrawStep.Infeasible(check.shortCells()));
      }
      String id = "draw-" + year + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
      String sha = HexFormat.of().formatHex(check.sha256());
      return pool.withTransaction(conn -> conn.preparedQuery(DrawSql.INSERT)
              .execute(Tuple.of(id, edition.id(), year, Buffer.buffer(checked.bytes()), sha, check.people()))
              .compose(rows -> audit(conn, actor, "draw.pool_publish", id,
                  new JsonObject().put("year", year).put("poolSha256", sha).put("poolPeople", check.people()))
                  .map(v -> (DrawStep) new DrawStep.Done(DrawRecord.of(rows.iterator().next())))))
          .recover(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState())
              ? Future.succeededFuture(new DrawStep.AlreadyUnderWay(String.valueOf(year))) : Future.failedFuture(e));
    });
  }

  private record Checked(RosterDraw.PoolCheck check, byte[] bytes) {}

  /** Step 2: where the seed will be published and when; once, and only for a time still ahead. */
  public Future<DrawStep> announceSeedSource(String id, String source, Instant knownAt, String actor) {
    return guarded(id, DrawSql.ANNOUNCE, Tuple.of(id, source, knownAt.atOffset(ZoneOffset.UTC)), actor, "draw.seed_source",
        new JsonObject().put("seedSource", source).put("seedKnownAt", knownAt.toString()),
        draw -> draw.state() == DrawState.pool_published ? new DrawStep.KnownAtNotAhead() : new DrawStep.WrongState(draw.state()));
  }

  /** Step 3: the seed, once it is public; not before the announced time. */
  public Future<DrawStep> enterSeed(String id, String seed, String actor) {
    return guarded(id, DrawSql.SEED, Tuple.of(id, seed), actor, "draw.seed", new JsonObject().put("seed", seed),
        draw -> draw.state() == DrawState.seed_announced ? new DrawStep.SeedNotDue(draw.seedKnownAt())
            : new DrawStep.WrongState(draw.state()));
  }

  /** Step 4: the draw itself, off the event loop; its transcript is public from now on. */
  public Future<DrawStep> draw(String id, String actor) {
    return pool.preparedQuery(DrawSql.SELECT_POOL).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(new DrawStep.NotFound());
      }
      Row row = rows.iterator().next();
      DrawState state = DrawState.valueOf(row.getString("state"));
      if (state != DrawState.seeded) {
        return Future.succeededFuture(new DrawStep.WrongState(state));
      }
      byte[] poolBytes = row.getBuffer("pool").getBytes();
      var request = new RosterDraw.Request(edition, row.getInteger("year"), row.getString("seed"), row.getString("seed_source"));
      return vertx.executeBlocking(() -> {
        var roster = new ByteArrayOutputStream();
        var transcript = new ByteArrayOutputStream();
        DrawOutcome outcome = RosterDraw.run(() -> new ByteArrayInputStream(poolBytes), request, roster, transcript);
        return new Ran(outcome, roster.toByteArray(), transcript.toByteArray());
      }, false).compose(ran -> stored(id, ran, actor));
    });
  }

  private record Ran(DrawOutcome outcome, byte[] roster, byte[] transcript) {}

  private Future<DrawStep> stored(String id, Ran ran, String actor) {
    if (ran.outcome() instanceof DrawOutcome.BadPool bad) {
      return Future.succeededFuture(new DrawStep.BadPool(bad.errors()));
    }
    if (ran.outcome() instanceof DrawOutcome.Infeasible infeasible) {
      return AuditLog.record(pool, actor, "draw.refused", "draw:" + id,
              new JsonObject().put("shortCells", infeasible.cells().stream().map(ShortCell::cell).toList()))
          .map(v -> new DrawStep.Infeasible(infeasible.cells()));
    }
    DrawSummary summary = ((DrawOutcome.Drawn) ran.outcome()).summary();
    Tuple values = Tuple.of(id, Buffer.buffer(ran.transcript()), summary.transcriptSha256Hex(), Buffer.buffer(ran.roster()),
        summary.rosterSha256Hex(), summary.toJson());
    return guarded(id, DrawSql.DRAWN, values, actor, "draw.run", new JsonObject()
            .put("transcriptSha256", summary.transcriptSha256Hex()).put("rosterSha256", summary.rosterSha256Hex())
            .put("active", summary.active()).put("alternates", summary.alternates()),
        draw -> new DrawStep.WrongState(draw.state()));
  }

  /** Step 5: the drawn roster goes through the roster import (all or nothing), then the personal data leaves. */
  public Future<DrawStep> adopt(String id, String actor) {
    return pool.preparedQuery(DrawSql.SELECT_ROSTER).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return explain(id, draw -> new DrawStep.WrongState(draw.state()));
      }
      String csv = rows.iterator().next().getBuffer("roster").toString(StandardCharsets.UTF_8);
      return vertx.executeBlocking(() -> RosterCsv.parse(new StringReader(csv), edition), false)
          .compose(parse -> parse.ok() ? importer.apply(parse.entries(), actor)
              : Future.failedFuture(new IllegalStateException("a drawn roster does not read as a roster")))
          .compose(imported -> guarded(id, DrawSql.ADOPTED, Tuple.of(id), actor, "draw.adopt",
              imported.toJson(), draw -> new DrawStep.WrongState(draw.state()))
              .map(step -> step instanceof DrawStep.Done done ? new DrawStep.Adopted(done.draw(), imported) : step));
    });
  }

  /** Before adoption a draw may be discarded, in public and with its reason; its pool and roster are deleted. */
  public Future<DrawStep> discard(String id, String reason, String actor) {
    return guarded(id, DrawSql.DISCARD, Tuple.of(id, reason), actor, "draw.discard", new JsonObject().put("reason", reason),
        draw -> new DrawStep.WrongState(draw.state()));
  }

  public Future<Optional<DrawRecord>> find(String id) {
    return find(readPool, id);
  }

  public Future<List<DrawRecord>> all() {
    return readPool.preparedQuery(DrawSql.SELECT_ALL).execute(Tuple.of(edition.id()))
        .map(rows -> rows.stream().map(DrawRecord::of).toList());
  }

  public Future<Optional<Buffer>> transcript(String id) {
    return readPool.preparedQuery(DrawSql.SELECT_TRANSCRIPT).execute(Tuple.of(id)).map(rows -> first(rows).map(r -> r.getBuffer(0)));
  }

  public Future<Optional<JsonObject>> summary(String id) {
    return pool.preparedQuery(DrawSql.SELECT_SUMMARY).execute(Tuple.of(id)).map(rows -> first(rows).map(r -> r.getJsonObject(0)));
  }

  /** The drawn roster (names, phones, subjects) for the operator; every download is audit-logged. */
  public Future<Optional<Buffer>> roster(String id, String actor) {
    return pool.preparedQuery(DrawSql.SELECT_ROSTER).execute(Tuple.of(id)).compose(rows -> first(rows).isEmpty()
        ? Future.succeededFuture(Optional.<Buffer>empty())
        : audit(pool, actor, "draw.roster_download", id, new JsonObject())
            .map(v -> Optional.of(rows.iterator().next().getBuffer(0))));
  }

  /** Runs a guarded UPDATE with its audit entry in one transaction; when it changes nothing, says why. */
  private Future<DrawStep> guarded(String id, String sql, Tuple values, String actor, String action, JsonObject detail,
      Function<DrawRecord, DrawStep> refusal) {
    return pool.withTransaction(conn -> conn.preparedQuery(sql).execute(values).compose(rows -> rows.size() == 0
        ? explain(conn, id, refusal)
        : audit(conn, actor, action, id, detail).map(v -> (DrawStep) new DrawStep.Done(DrawRecord.of(rows.iterator().next())))));
  }

  private Future<DrawStep> explain(String id, Function<DrawRecord, DrawStep> refusal) {
    return explain(pool, id, refusal);
  }

  private Future<DrawStep> explain(SqlClient client, String id, Function<DrawRecord, DrawStep> refusal) {
    return find(client, id).map(found -> found.map(refusal).orElseGet(DrawStep.NotFound::new));
  }

  private static Future<Optional<DrawRecord>> find(SqlClient client, String id) {
    return client.preparedQuery(DrawSql.SELECT_ONE).execute(Tuple.of(id)).map(rows -> first(rows).map(DrawRecord::of));
  }

  private static Future<Void> audit(SqlClient client, String actor, String action, String id, JsonObject detail) {
    return AuditLog.record(client, actor, action, "draw:" + id, detail);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }
}
