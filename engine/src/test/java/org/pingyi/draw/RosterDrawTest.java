package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.Hashes;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.roster.RosterCsv;
import org.pingyi.roster.RosterEntry;
import org.pingyi.support.TestEngine;

/** The draw on the 2024 edition's quota table, from synthetic pools, checked against the files it writes. */
class RosterDrawTest {
  static final int YEAR = 2025;
  static Edition edition;
  static byte[] pool;
  static TestPools.Run run;
  static List<RosterEntry> roster;
  static JsonObject transcript;

  @BeforeAll
  static void drawOnce() throws Exception {
    edition = TestPools.qingdao();
    pool = TestPools.synthetic(edition, 12_000, YEAR, 7);
    run = TestPools.draw(pool, edition, YEAR, "03 11 19 24 28 32 + 07");
    roster = parseRoster(run, edition);
    transcript = new JsonObject(new String(run.transcript(), StandardCharsets.UTF_8));
  }

  static List<RosterEntry> parseRoster(TestPools.Run run, Edition edition) throws Exception {
    var parse = RosterCsv.parse(new StringReader(run.rosterText()), edition);
    assertTrue(parse.ok(), "roster.csv is in the roster import format: " + parse.errors());
    return parse.entries();
  }

  @Test
  void everyCategoryAndEveryCellGetsExactlyItsQuotaOfActiveRepresentatives() {
    for (Edition.Category c : edition.categories()) {
      long active = roster.stream().filter(e -> e.category().equals(c.code()) && e.status() == RosterEntry.Status.active).count();
      assertEquals(c.quota().longValue(), active, c.code());
      if (c.selection() == Edition.Selection.district) {
        for (Edition.District d : edition.districts()) {
          long inCell = roster.stream().filter(e -> e.category().equals(c.code()) && e.district().equals(d.code())
              && e.status() == RosterEntry.Status.active).count();
          assertEquals(c.quota() / 10, inCell, c.code() + "/" + d.code());
        }
      }
    }
    assertEquals(3000, roster.stream().filter(e -> e.status() == RosterEntry.Status.active).count());
    for (Object o : transcript.getJsonArray("cells")) {
      JsonObject cell = (JsonObject) o;
      int drawn = cell.getJsonObject("drawn").getJsonArray("new").size() + cell.getJsonObject("drawn").getJsonArray("returning").size();
      assertEquals(cell.getInteger("seats"), drawn, cell.getString("category") + "/" + cell.getString("district"));
    }
  }

  @Test
  void remainderSeatsGoWhereTheGeneratorPutsThemNotAlwaysToTheFirstDistricts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("edition.yaml");
    Files.writeString(file, Files.readString(TestEngine.EDITION).replace("quota: 600, selection: district }", "quota: 603, selection: district }"));
    Edition uneven = EditionLoader.load(file);
    Set<List<String>> placements = new HashSet<>();
    for (int s = 0; s < 4; s++) {
      var r = TestPools.draw(pool, uneven, YEAR, "remainder " + s);
      var placed = new JsonObject(new String(r.transcript(), StandardCharsets.UTF_8)).getJsonObject("remainderSeats");
      List<String> resident = placed.getJsonArray("resident").stream().map(Object::toString).toList();
      assertEquals(3, resident.size());
      placements.add(resident.stream().sorted().toList());
      List<RosterEntry> entries = parseRoster(r, uneven);
      for (Edition.District d : uneven.districts()) {
        long seats = entries.stream().filter(e -> e.category().equals("resident") && e.district().equals(d.code())
            && e.status() == RosterEntry.Status.active).count();
        assertEquals(resident.contains(d.code()) ? 61 : 60, seats, d.code());
      }
    }
    assertTrue(placements.size() > 1, "different seeds place the remainder seats differently: " + placements);
  }

  @Test
  void alternatesAreTheEditionsSharePerCellAndFollowTheirCellInDrawOrder() throws Exception {
    List<RosterEntry> alternates = roster.stream().filter(e -> e.status() == RosterEntry.Status.alternate).toList();
    assertEquals(165, alternates.size(), "round(0.055 × 3000)");
    assertEquals(0.055, alternates.size() / 3000.0, 1e-9);
    Mac mac = pseudonymMac(pool, HexFormat.of().parseHex(transcript.getJsonObject("inputs").getString("generatorSeed")));
    List<String> rows = run.rosterText().lines().skip(1).toList();
    int at = 0;
    for (Object o : transcript.getJsonArray("cells")) {
      JsonObject cell = (JsonObject) o;
      JsonObject drawn = cell.getJsonObject("drawn");
      List<Object> expected = new ArrayList<>();
      expected.addAll(drawn.getJsonArray("new").getList());
      expected.addAll(drawn.getJsonArray("returning").getList());
      expected.addAll(drawn.getJsonArray("alternates").getList());
      for (int i = 0; i < expected.size(); i++, at++) {
        String id = rows.get(at).substring(0, rows.get(at).indexOf(','));
        assertEquals(expected.get(i), pseudonym(mac, id), "row " + (at + 2) + " is the cell's next person in draw order");
        boolean alternate = i >= expected.size() - drawn.getJsonArray("alternates").size();
        assertEquals(alternate, rows.get(at).contains(",alternate,"), "row " + (at + 2));
      }
      double share = cell.getInteger("alternates") - 0.055 * cell.getInteger("seats");
      assertTrue(Math.abs(share) < 1, "a cell's alternates are its share of its seats, rounded one way or the other");
    }
    assertEquals(rows.size(), at);
  }

  @Test
  void atLeastThirtyPercentOfTheActiveRepresentativesAreNewAndNobodyServesAFourthYearRunning() throws Exception {
    byte[] seasoned = withServedYears(TestPools.synthetic(edition, 40_000, YEAR, 8), i -> switch (((i * 0x9E3779B1) >>> 8) % 10) {   // mixed: rows run by district
      case 0, 1 -> "";                     // 20 % new: below the rule, so the floor has to bind
      case 2, 3, 4 -> "2024";
      case 5, 6, 7 -> "2023;2024";
      default -> "2022;2023;2024";        // a fourth year in a row is not allowed
    });
    var r = TestPools.draw(seasoned, edition, YEAR, "rotation");
    assertTrue(r.outcome() instanceof DrawOutcome.Drawn, r.outcome().toString());
    Map<String, String> served = column(seasoned, 7);
    List<RosterEntry> entries = parseRoster(r, edition);
    long fresh = entries.stream().filter(e -> e.status() == RosterEntry.Status.active && served.get(e.id()).isEmpty()).count();
    assertTrue(fresh >= 900, fresh + " of 3000 active representatives did not serve in 2024");
    assertEquals(fresh, r.summary().newActive());
    for (RosterEntry e : entries) {
      assertNotEquals("2022;2023;2024", served.get(e.id()), e.id() + " would serve a fourth year running");
    }
    JsonObject t = new JsonObject(new String(r.transcript(), StandardCharsets.UTF_8));
    for (Object o : t.getJsonArray("cells")) {
      JsonObject cell = (JsonObject) o;
      int minNew = (int) Math.ceil(0.3 * cell.getInteger("seats") - 1e-9);
      assertEquals(minNew, cell.getInteger("minNewSeats"));
      assertTrue(cell.getJsonObject("drawn").getJsonArray("new").size() >= minNew, cell.encode().substring(0, 80));
    }
  }

  @Test
  void everyoneDrawnIsInThePoolWithEveryFieldAsThePoolHasIt() throws Exception {
    Map<String, CSVRecord> byId = new HashMap<>();
    for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(new String(pool, StandardCharsets.UTF_8)))) {
      byId.put(r.get(0), r);
    }
    for (RosterEntry e : roster) {
      CSVRecord p = byId.get(e.id());
      assertTrue(p != null, e.id() + " is in the pool");
      assertEquals(List.of(p.get(1), p.get(2), p.get(3), p.get(4), p.get(6)),
          List.of(e.name(), e.phone(), e.district(), e.category(), e.subject()));
    }
    assertEquals(roster.size(), roster.stream().map(RosterEntry::id).distinct().count(), "nobody is drawn twice");
  }

  @Test
  void theSameInputsAndSeedGiveByteIdenticalFilesAndAnotherSeedAnotherRoster() {
    var again = TestPools.draw(pool, edition, YEAR, "03 11 19 24 28 32 + 07");
    assertArrayEquals(run.roster(), again.roster());
    assertArrayEquals(run.transcript(), again.transcript());
    var other = TestPools.draw(pool, edition, YEAR, "03 11 19 24 28 32 + 08");
    assertFalse(Arrays.equals(run.roster(), other.roster()));
    Set<String> first = ids(run.rosterText());
    Set<String> second = ids(other.rosterText());
    second.retainAll(first);
    assertTrue(second.size() < first.size() / 2, "another seed draws mostly other people: " + second.size() + " in common");
  }

  @Test
  void everyCellsProbabilitiesSumToItsSeatsAndToItsAlternates() {
    for (Object o : transcript.getJsonArray("cells")) {
      JsonObject cell = (JsonObject) o;
      Fraction active = Fraction.ZERO;
      Fraction alternate = Fraction.ZERO;
      int members = 0;
      for (String group : List.of("new", "returning", "ineligible")) {
        JsonObject g = cell.getJsonObject("probabilities").getJsonObject(group);
        int n = g.getJsonArray("members").size();
        members += n;
        active = active.plus(Fraction.parse(g.getString("active")).times(Fraction.of(n, 1)));
        alternate = alternate.plus(Fraction.parse(g.getString("alternate")).times(Fraction.of(n, 1)));
      }
      String name = cell.getString("category") + "/" + cell.getString("district");
      assertEquals(Fraction.of(cell.getInteger("seats"), 1), active, name);
      assertEquals(Fraction.of(cell.getJsonObject("drawn").getJsonArray("alternates").size(), 1), alternate, name);
      JsonObject p = cell.getJsonObject("pool");
      assertEquals(p.getInteger("new") + p.getInteger("returning") + p.getInteger("ineligible"), members);
    }
    assertEquals(12_000, transcript.getJsonObject("inputs").getInteger("poolPeople"));
  }

  @Test
  void theTranscriptNamesNobodyByIdNamePhoneOrSubject() {
    String text = new String(run.transcript(), StandardCharsets.UTF_8);
    for (String pattern : List.of("P\\d{7}", "演示候选人", "100\\d{8}", "face-")) {
      assertFalse(Pattern.compile(pattern).matcher(text).find(), pattern);
    }
    JsonArray cells = transcript.getJsonArray("cells");
    assertTrue(cells.getJsonObject(0).getJsonObject("drawn").getJsonArray("new").getString(0).matches("[0-9a-f]{16}"));
  }

  /** docs/draw.md §8, written again here: K = SHA-256(prefix ‖ pool ‖ G); a pseudonym is HMAC-SHA-256(K, id). */
  static Mac pseudonymMac(byte[] pool, byte[] generatorSeed) throws Exception {
    byte[] key = Hashes.sha256("pingyi-draw-pseudonym-v1\n".getBytes(StandardCharsets.UTF_8), pool, generatorSeed);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac;
  }

  /** Its first 16 hex digits. */
  static String pseudonym(Mac mac, String id) {
    return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
  }

  static byte[] withServedYears(byte[] pool, IntFunction<String> years) {
    List<String> lines = new String(pool, StandardCharsets.UTF_8).lines().toList();
    StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      out.append(line, 0, line.lastIndexOf(',') + 1).append(years.apply(i)).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, String> column(byte[] pool, int column) throws Exception {
    Map<String, String> out = new HashMap<>();
    for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(new String(pool, StandardCharsets.UTF_8)))) {
      out.put(r.get(0), r.get(column));
    }
    return out;
  }

  private static Set<String> ids(String rosterCsv) {
    Set<String> ids = new HashSet<>();
    rosterCsv.lines().skip(1).forEach(l -> ids.add(l.substring(0, l.indexOf(','))));
    return ids;
  }
}
