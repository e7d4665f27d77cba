package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;
import org.pingyi.edition.Edition;

/**
 * Over many draws with fixed seeds ("fairness 0" … "fairness 5999", so the test is deterministic), every pooled
 * person is drawn as often as the transcripts say. The tiny edition has one cell of each kind: resident/east where
 * the new seats are proportional (everyone 1/5, the fraction settled by a chance), resident/west and expert/city
 * where the rotation floor binds (new and returning candidates with different, exact chances).
 *
 * <p>Bound, per person and separately for active seats and alternates: with T draws and p_t the probability the
 * draw t's transcript gives, the count c is a sum of independent Bernoulli(p_t), so E = Σ p_t, V = Σ p_t(1 − p_t),
 * and |c − E| ≤ 4.5·√V (a fair draw breaks it with odds below 7·10⁻⁶ per person, 10⁻³ for all of them together).
 * And together, X² = Σ (c − E)²/V over the K people who can be drawn stays below the 0.999 quantile of χ²(K)
 * (Wilson–Hilferty); the counts of one cell are negatively correlated (its seats are fixed), which only makes X²
 * smaller, so the bound is conservative. A draw that dropped the chance of the proportional rule, or gave the floor
 * to new candidates where it does not bind, moves resident/east's counts by more than 5·√V.
 */
class DrawFairnessTest {
  static final int DRAWS = 6_000;

  @Test
  void everyCandidateIsDrawnAsOftenAsTheTranscriptsProbabilitiesSay() throws Exception {
    Edition tiny = TestPools.tiny();
    byte[] pool = new TestPools()
        .add("resident", "east", 6, "").add("resident", "east", 4, "2024").add("resident", "east", 1, "2023;2024")
        .add("resident", "west", 3, "").add("resident", "west", 8, "2024")
        .add("expert", "east", 5, "").add("expert", "west", 5, "2024").bytes();
    int people = 32;
    double[][] expected = new double[2][people + 1];
    double[][] variance = new double[2][people + 1];
    int[][] counts = new int[2][people + 1];
    Map<String, String> firstProbabilities = new HashMap<>();
    for (int t = 0; t < DRAWS; t++) {
      var run = TestPools.draw(pool, tiny, 2025, "fairness " + t);
      JsonObject transcript = new JsonObject(new String(run.transcript(), StandardCharsets.UTF_8));
      Mac mac = RosterDrawTest.pseudonymMac(pool, HexFormat.of().parseHex(transcript.getJsonObject("inputs").getString("generatorSeed")));
      Map<String, Integer> byPseudonym = new HashMap<>();
      for (int i = 1; i <= people; i++) {
        byPseudonym.put(RosterDrawTest.pseudonym(mac, String.format("T%06d", i)), i);
      }
      for (Object o : transcript.getJsonArray("cells")) {
        JsonObject cell = (JsonObject) o;
        for (String group : new String[] {"new", "returning", "ineligible"}) {
          JsonObject g = cell.getJsonObject("probabilities").getJsonObject(group);
          double active = Fraction.parse(g.getString("active")).toDouble();
          double alternate = Fraction.parse(g.getString("alternate")).toDouble();
          firstProbabilities.putIfAbsent(cell.getString("category") + "/" + cell.getString("district") + " " + group,
              g.getString("active"));
          for (Object member : g.getJsonArray("members")) {
            int person = byPseudonym.get((String) member);
            expected[0][person] += active;
            variance[0][person] += active * (1 - active);
            expected[1][person] += alternate;
            variance[1][person] += alternate * (1 - alternate);
          }
        }
      }
      run.rosterText().lines().skip(1).forEach(line -> {
        int person = Integer.parseInt(line.substring(1, 7));
        counts[line.contains(",alternate,") ? 1 : 0][person]++;
      });
    }
    assertEquals("1/5", firstProbabilities.get("resident/east new"), "proportional: S/N for everyone");
    assertEquals("1/5", firstProbabilities.get("resident/east returning"));
    assertEquals("0/1", firstProbabilities.get("resident/east ineligible"));
    assertEquals("1/3", firstProbabilities.get("resident/west new"), "the floor binds: m/Nn");
    assertEquals("1/8", firstProbabilities.get("resident/west returning"), "and (S − m)/Nr");
    assertEquals("2/5", firstProbabilities.get("expert/city new"));
    assertEquals("1/5", firstProbabilities.get("expert/city returning"));
    for (int kind = 0; kind < 2; kind++) {
      double chiSquare = 0;
      int k = 0;
      for (int person = 1; person <= people; person++) {
        double e = expected[kind][person];
        double v = variance[kind][person];
        if (v == 0) {
          assertEquals(0, counts[kind][person], "T" + person + " could not be drawn and was not");
          continue;
        }
        double deviation = counts[kind][person] - e;
        assertTrue(Math.abs(deviation) <= 4.5 * Math.sqrt(v), (kind == 0 ? "active" : "alternate") + " T" + person
            + ": drawn " + counts[kind][person] + " times, expected " + e + " ± " + Math.sqrt(v));
        chiSquare += deviation * deviation / v;
        k++;
      }
      double z = 3.09;
      double quantile = k * Math.pow(1 - 2.0 / (9 * k) + z * Math.sqrt(2.0 / (9 * k)), 3);
      assertTrue(chiSquare <= quantile, (kind == 0 ? "active" : "alternate") + ": X² " + chiSquare + " over " + k
          + " people, above the 0.999 quantile " + quantile);
    }
  }
}
