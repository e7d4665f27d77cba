package org.pingyi.draw;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One office draw as anyone may see it: hashes, the seed's source, the seed, times. No pool, no roster. */
public record DrawRecord(String id, String edition, int year, DrawState state, String poolSha256, int poolPeople,
    Instant publishedAt, String seedSource, Instant seedKnownAt, Instant seedAnnouncedAt, String seed, Instant seededAt,
    String transcriptSha256, String rosterSha256, Instant drawnAt, Instant adoptedAt, Instant discardedAt,
    String discardReason) {

  /** The columns {@link #of(Row)} reads, in one place for every statement that returns a draw. */
  static final String COLUMNS = """
      id, edition_id, year, state, pool_sha256, pool_people, published_at, seed_source, seed_known_at,
      seed_announced_at, seed, seeded_at, transcript_sha256, roster_sha256, drawn_at, adopted_at, discarded_at,
      discard_reason""";

  static DrawRecord of(Row row) {
    return new DrawRecord(row.getString("id"), row.getString("edition_id"), row.getInteger("year"),
        DrawState.valueOf(row.getString("state")), row.getString("pool_sha256"), row.getInteger("pool_people"),
        instant(row, "published_at"), row.getString("seed_source"), instant(row, "seed_known_at"),
        instant(row, "seed_announced_at"), row.getString("seed"), instant(row, "seeded_at"),
        row.getString("transcript_sha256"), row.getString("roster_sha256"), instant(row, "drawn_at"),
        instant(row, "adopted_at"), instant(row, "discarded_at"), row.getString("discard_reason"));
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime t = row.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("edition", edition).put("year", year).put("state", state.name())
        .put("poolSha256", poolSha256).put("poolPeople", poolPeople).put("publishedAt", text(publishedAt));
    putIfSet(json, "seedSource", seedSource);
    putIfSet(json, "seedKnownAt", text(seedKnownAt));
    putIfSet(json, "seedAnnouncedAt", text(seedAnnouncedAt));
    putIfSet(json, "seed", seed);
    putIfSet(json, "seededAt", text(seededAt));
    putIfSet(json, "transcriptSha256", transcriptSha256);
    putIfSet(json, "rosterSha256", rosterSha256);
    putIfSet(json, "drawnAt", text(drawnAt));
    putIfSet(json, "adoptedAt", text(adoptedAt));
    putIfSet(json, "discardedAt", text(discardedAt));
    putIfSet(json, "discardReason", discardReason);
    return json;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static void putIfSet(JsonObject json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
