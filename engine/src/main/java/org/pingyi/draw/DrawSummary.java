package org.pingyi.draw;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.List;

/**
 * What a draw gave, counted per cell and per source (random, recommended, volunteer), for the office to inspect.
 * Counts only: no person appears in it.
 */
public record DrawSummary(byte[] poolSha256, int poolPeople, byte[] rosterSha256, byte[] transcriptSha256, int active,
    int alternates, int newActive, List<Cell> cells) {

  public record Cell(String category, String district, int seats, int newSeats, int returningSeats, int alternates,
      int alternatesShort, int[] activeBySource, int[] alternatesBySource) {}

  public String transcriptSha256Hex() {
    return HexFormat.of().formatHex(transcriptSha256);
  }

  public String rosterSha256Hex() {
    return HexFormat.of().formatHex(rosterSha256);
  }

  public JsonObject toJson() {
    JsonArray cellsJson = new JsonArray();
    int[] activeTotal = new int[Source.values().length];
    int[] alternateTotal = new int[Source.values().length];
    for (Cell c : cells) {
      cellsJson.add(new JsonObject().put("category", c.category()).put("district", c.district()).put("seats", c.seats())
          .put("new", c.newSeats()).put("returning", c.returningSeats()).put("alternates", c.alternates())
          .put("alternatesShort", c.alternatesShort())
          .put("activeBySource", bySource(c.activeBySource())).put("alternatesBySource", bySource(c.alternatesBySource())));
      for (int s = 0; s < activeTotal.length; s++) {
        activeTotal[s] += c.activeBySource()[s];
        alternateTotal[s] += c.alternatesBySource()[s];
      }
    }
    return new JsonObject()
        .put("poolSha256", HexFormat.of().formatHex(poolSha256)).put("poolPeople", poolPeople)
        .put("rosterSha256", rosterSha256Hex()).put("transcriptSha256", transcriptSha256Hex())
        .put("active", active).put("alternates", alternates).put("newActive", newActive)
        .put("activeBySource", bySource(activeTotal)).put("alternatesBySource", bySource(alternateTotal))
        .put("cells", cellsJson);
  }

  private static JsonObject bySource(int[] counts) {
    JsonObject out = new JsonObject();
    for (Source s : Source.values()) {
      out.put(s.name(), counts[s.ordinal()]);
    }
    return out;
  }
}
