package org.pingyi.draw;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.pingyi.Hashes;

/**
 * Writes draw.json (docs/draw.md §14), streaming, members in a fixed order, so the same draw always gives the same
 * bytes. It names pooled people by pseudonym only: no id, name, phone or subject.
 */
final class TranscriptWriter {
  static final String FORMAT = "pingyi-draw-transcript-v1";
  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final JsonGenerator g;
  private final long[] pseudonyms;

  private TranscriptWriter(JsonGenerator g, long[] pseudonyms) {
    this.g = g;
    this.pseudonyms = pseudonyms;
  }

  /** What the transcript states besides the cells. */
  record Header(String edition, int year, String seed, String seedSource, byte[] poolSha256, int poolPeople,
      QuotaBlock quotas, byte[] generatorSeed, String alternateShare, String minNewShare, Integer maxConsecutiveYears,
      Map<String, List<String>> remainderSeats) {}

  /** Answers the SHA-256 of the bytes written. */
  static byte[] write(OutputStream out, Header h, List<CellDraw> cells, Candidates candidates, long[] pseudonyms,
      int rosterFloor, long wordsRead, DrawnRoster.Written roster) throws IOException {
    MessageDigest digest = Hashes.sha256Digest();
    try (JsonGenerator g = JSON.createGenerator(new DigestOutputStream(out, digest), JsonEncoding.UTF8)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      new TranscriptWriter(g, pseudonyms).document(h, cells, candidates, rosterFloor, wordsRead, roster);
    }
    return digest.digest();
  }

  private void document(Header h, List<CellDraw> cells, Candidates candidates, int rosterFloor, long wordsRead,
      DrawnRoster.Written roster) throws IOException {
    HexFormat hex = HexFormat.of();
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeStringField("algorithm", RosterDraw.ALGORITHM);
    g.writeStringField("edition", h.edition());
    g.writeNumberField("year", h.year());
    g.writeStringField("seed", h.seed());
    g.writeStringField("seedSource", h.seedSource());
    g.writeObjectFieldStart("inputs");
    g.writeStringField("poolSha256", hex.formatHex(h.poolSha256()));
    g.writeNumberField("poolPeople", h.poolPeople());
    g.writeStringField("quotasSha256", hex.formatHex(Hashes.sha256(h.quotas().bytes())));
    g.writeStringField("quotas", h.quotas().text());
    g.writeStringField("generatorSeed", hex.formatHex(h.generatorSeed()));
    g.writeEndObject();
    g.writeObjectFieldStart("rules");
    g.writeStringField("alternateShare", h.alternateShare());
    g.writeStringField("minNewShare", h.minNewShare());
    if (h.maxConsecutiveYears() == null) {
      g.writeNullField("maxConsecutiveYears");
    } else {
      g.writeNumberField("maxConsecutiveYears", h.maxConsecutiveYears());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("remainderSeats");
    for (var e : h.remainderSeats().entrySet()) {
      strings(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    totals(cells, rosterFloor);
    g.writeArrayFieldStart("cells");
    for (CellDraw d : cells) {
      cell(d, candidates);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("generator");
    g.writeStringField("kind", "sha256-counter-v1");
    g.writeNumberField("wordsRead", wordsRead);
    g.writeEndObject();
    g.writeObjectFieldStart("roster");
    g.writeStringField("sha256", hex.formatHex(roster.sha256()));
    g.writeNumberField("active", roster.active());
    g.writeNumberField("alternates", roster.alternates());
    g.writeEndObject();
    g.writeEndObject();
  }

  private void totals(List<CellDraw> cells, int rosterFloor) throws IOException {
    int seats = cells.stream().mapToInt(d -> d.cell().seats()).sum();
    int fresh = cells.stream().mapToInt(CellDraw::newSeats).sum();
    g.writeObjectFieldStart("totals");
    g.writeNumberField("cells", cells.size());
    g.writeNumberField("seats", seats);
    g.writeNumberField("newActive", fresh);
    g.writeStringField("newShare", Fraction.of(fresh, Math.max(1, seats)).toString());
    g.writeNumberField("minNewActive", rosterFloor);
    g.writeNumberField("alternates", cells.stream().mapToInt(d -> d.alternates().length).sum());
    g.writeNumberField("alternatesShort", cells.stream().mapToInt(CellDraw::alternatesShort).sum());
    g.writeObjectFieldStart("pool");
    g.writeNumberField("new", cells.stream().mapToInt(CellDraw::fresh).sum());
    g.writeNumberField("returning", cells.stream().mapToInt(CellDraw::returning).sum());
    g.writeNumberField("ineligible", cells.stream().mapToInt(CellDraw::ineligible).sum());
    g.writeEndObject();
    g.writeEndObject();
  }

  private void cell(CellDraw d, Candidates candidates) throws IOException {
    CellPlan.Cell c = d.cell();
    g.writeStartObject();
    g.writeStringField("category", c.categoryCode());
    g.writeStringField("district", c.districtCode());
    g.writeNumberField("seats", c.seats());
    g.writeNumberField("minNewSeats", c.minNew());
    g.writeNumberField("alternates", c.alternates());
    g.writeNumberField("alternatesShort", d.alternatesShort());
    g.writeObjectFieldStart("pool");
    g.writeNumberField("new", d.fresh());
    g.writeNumberField("returning", d.returning());
    g.writeNumberField("ineligible", d.ineligible());
    g.writeEndObject();
    g.writeObjectFieldStart("newSeats");
    g.writeStringField("rule", d.floorBinds() ? "floor" : "proportional");
    g.writeStringField("expected", d.expectedNew().toString());
    g.writeNumberField("drawn", d.newSeats());
    g.writeEndObject();
    g.writeObjectFieldStart("drawn");
    people("new", d.activeNew(), false);
    people("returning", d.activeReturning(), false);
    people("alternates", d.alternates(), false);
    g.writeEndObject();
    g.writeObjectFieldStart("probabilities");
    group("new", d.newActive(), d.newAlternate(), candidates.group(c.index(), Standing.fresh));
    group("returning", d.returningActive(), d.returningAlternate(), candidates.group(c.index(), Standing.returning));
    group("ineligible", Fraction.ZERO, Fraction.ZERO, candidates.group(c.index(), Standing.ineligible));
    g.writeEndObject();
    g.writeEndObject();
  }

  private void group(String name, Fraction active, Fraction alternate, int[] members) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("active", active.toString());
    g.writeStringField("alternate", alternate.toString());
    people("members", members, true);
    g.writeEndObject();
  }

  /** Pseudonyms in draw order, or sorted (as hex text sorts) for a group's members. */
  private void people(String field, int[] people, boolean sorted) throws IOException {
    long[] names = new long[people.length];
    for (int i = 0; i < people.length; i++) {
      names[i] = pseudonyms[people[i]];
    }
    if (sorted) {
      for (int i = 0; i < names.length; i++) {
        names[i] ^= Long.MIN_VALUE;
      }
      Arrays.sort(names);
      for (int i = 0; i < names.length; i++) {
        names[i] ^= Long.MIN_VALUE;
      }
    }
    g.writeArrayFieldStart(field);
    for (long name : names) {
      g.writeString(Pseudonyms.hex(name));
    }
    g.writeEndArray();
  }

  private void strings(String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
