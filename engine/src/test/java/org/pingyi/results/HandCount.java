package org.pingyi.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pingyi.edition.Edition;

/**
 * The tests' own count of a session, written from API.md (Results, Audit) without the engine's results code
 * (no Scoring, SessionCount, BallotChain, CanonicalBallot or ResultsDocument): the formula with plain BigDecimal
 * arithmetic, the pseudonymous canonical export line assembled as text, the chain with MessageDigest. Only the edition's data
 * (points, weights, departments) is taken from the loaded edition.
 */
public final class HandCount {
  /** What the formula gives one department. */
  public record Figures(String code, String name, long votes, BigDecimal score, BigDecimal rawMean, BigDecimal satisfactionRate,
      Map<String, Long> grades, Map<String, Long> votesByClass, Map<String, BigDecimal> meanByClass) {}

  private final Edition edition;
  private final Edition.Session session;
  private final List<String> lines = new ArrayList<>();
  /** department → weight class → grade → ballots */
  private final Map<String, Map<String, Map<String, Long>>> counts = new TreeMap<>();
  private String chain;

  public HandCount(Edition edition, String sessionId) {
    this.edition = edition;
    this.session = edition.session(sessionId).orElseThrow();
    this.chain = sha256Hex("pingyi-ballot-chain-v1\n" + sessionId);
  }

  /** Counts one ballot, as the tests' own tally; answers nothing, see {@link #exportLine} for the export. */
  public void count(String weightClass, Map<String, String> scores) {
    scores.forEach((department, grade) -> counts.computeIfAbsent(department, d -> new TreeMap<>())
        .computeIfAbsent(weightClass, k -> new TreeMap<>()).merge(grade, 1L, Long::sum));
  }

  /**
   * Counts the ballot and answers its export line as API.md's Audit section gives it: the canonical members in their
   * order ({@code voter} a pseudonym, {@code receiptHash} the SHA-256 of the receipt), then its chain hash.
   */
  String exportLine(long seq, String ballotId, String voter, String weightClass, String district, String receipt,
      String submittedAt, Map<String, String> scores) {
    count(weightClass, scores);
    StringBuilder sorted = new StringBuilder();
    new TreeMap<>(scores).forEach((d, g) -> sorted.append(sorted.length() == 0 ? "" : ",").append(text(d)).append(':').append(text(g)));
    String canonical = "{\"seq\":" + seq + ",\"ballotId\":" + text(ballotId) + ",\"sessionId\":" + text(session.id())
        + ",\"voter\":" + text(voter) + ",\"weightClass\":" + text(weightClass)
        + ",\"district\":" + text(district) + ",\"receiptHash\":" + text(sha256Hex(receipt)) + ",\"submittedAt\":" + text(submittedAt)
        + ",\"scores\":{" + sorted + "}}";
    chain = chainStep(chain, canonical);
    String line = canonical.substring(0, canonical.length() - 1) + ",\"hash\":\"" + chain + "\"}";
    lines.add(line);
    return line;
  }

  /** h(i) = SHA-256(h(i-1) + "\n" + canonical line i), hex. */
  static String chainStep(String previous, String canonical) {
    return sha256Hex(previous + "\n" + canonical);
  }

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String chainRoot() {
    return chain;
  }

  List<String> lines() {
    return lines;
  }

  /** Every department of the session's group, in the published order: score, satisfaction, top grade count, code. */
  public List<Figures> ranked() {
    String top = edition.grades().stream().max(Comparator.comparingInt(Edition.Grade::points)).orElseThrow().code();
    Comparator<BigDecimal> desc = Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder());
    List<Figures> all = new ArrayList<>();
    edition.departmentsOf(session).forEach(d -> all.add(figures(d)));
    all.sort(Comparator.comparing(Figures::score, desc).thenComparing(Figures::satisfactionRate, desc)
        .thenComparing(f -> f.grades().get(top), Comparator.reverseOrder()).thenComparing(Figures::code));
    return all;
  }

  public Figures figures(String code) {
    return figures(edition.departmentsOf(session).stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow());
  }

  /**
   * API.md: mean_k = Σ points / n_k for every class with votes; score = Σ w_k·mean_k / Σ w_k; rawMean = Σ points / n;
   * satisfactionRate = satisfied / n; half-up to 2, 2 and 4 decimals. Worked to 40 significant digits, far more
   * than any rounding here can feel.
   */
  private Figures figures(Edition.Department department) {
    MathContext exact = new MathContext(40, RoundingMode.HALF_EVEN);
    Map<String, Map<String, Long>> byClass = counts.getOrDefault(department.code(), Map.of());
    Map<String, Long> grades = new LinkedHashMap<>();
    edition.grades().forEach(g -> grades.put(g.code(), 0L));
    Map<String, Long> votesByClass = new LinkedHashMap<>();
    Map<String, BigDecimal> meanByClass = new LinkedHashMap<>();
    long votes = 0;
    long points = 0;
    long satisfied = 0;
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (Edition.WeightClass k : edition.weightClasses()) {
      long n = 0;
      long p = 0;
      for (Edition.Grade g : edition.grades()) {
        long c = byClass.getOrDefault(k.code(), Map.of()).getOrDefault(g.code(), 0L);
        n += c;
        p += c * g.points();
        satisfied += g.countsAsSatisfied() ? c : 0;
        grades.merge(g.code(), c, Long::sum);
      }
      votesByClass.put(k.code(), n);
      votes += n;
      points += p;
      if (n > 0) {
        BigDecimal mean = BigDecimal.valueOf(p).divide(BigDecimal.valueOf(n), exact);
        meanByClass.put(k.code(), mean.setScale(2, RoundingMode.HALF_UP));
        weighted = weighted.add(k.weight().multiply(mean, exact), exact);
        weights = weights.add(k.weight());
      } else {
        meanByClass.put(k.code(), null);
      }
    }
    if (votes == 0) {
      return new Figures(department.code(), department.name(), 0, null, null, null, grades, votesByClass, meanByClass);
    }
    BigDecimal score = weighted.divide(weights, exact).setScale(2, RoundingMode.HALF_UP);
    BigDecimal rawMean = BigDecimal.valueOf(points).divide(BigDecimal.valueOf(votes), exact).setScale(2, RoundingMode.HALF_UP);
    BigDecimal rate = BigDecimal.valueOf(satisfied).divide(BigDecimal.valueOf(votes), exact).setScale(4, RoundingMode.HALF_UP);
    return new Figures(department.code(), department.name(), votes, score, rawMean, rate, grades, votesByClass, meanByClass);
  }

  /** results.json as API.md lays it out (without keyId and signature), from this count alone. */
  JsonObject resultsDocument(String state, String sealedAt, String editionSha256) {
    JsonArray rows = new JsonArray();
    List<Figures> ranked = ranked();
    for (int i = 0; i < ranked.size(); i++) {
      Figures f = ranked.get(i);
      JsonObject grades = new JsonObject();
      f.grades().forEach(grades::put);
      JsonObject byClass = new JsonObject();
      List<String> small = smallCells(f.votesByClass());
      f.votesByClass().forEach((k, n) -> byClass.put(k, small.contains(k) ? new JsonObject().put("suppressed", true)
          : new JsonObject().put("mean", f.meanByClass().get(k)).put("votes", n)));
      rows.add(new JsonObject().put("rank", i + 1).put("department", new JsonObject().put("code", f.code()).put("name", f.name()))
          .put("score", f.score()).put("rawMean", f.rawMean()).put("satisfactionRate", f.satisfactionRate()).put("votes", f.votes())
          .put("grades", grades).put("byWeightClass", byClass));
    }
    return new JsonObject().put("sessionId", session.id()).put("state", state).put("sealedAt", sealedAt)
        .put("ballots", (long) lines.size()).put("chainRoot", chain).put("editionSha256", editionSha256).put("results", rows);
  }

  /**
   * The README's small-cell rule (Live operations), worked out here on its own: a cell of 1 to minCellSize − 1 voters
   * is suppressed; then, while fewer than two cells or fewer than minCellSize voters together are suppressed, the
   * smallest cell left that is not empty goes too (ties in the edition's order). An empty cell stays.
   */
  private List<String> smallCells(Map<String, Long> voters) {
    int min = edition.minCellSize();
    List<String> suppressed = new ArrayList<>();
    voters.forEach((k, n) -> {
      if (n > 0 && n < min) {
        suppressed.add(k);
      }
    });
    if (suppressed.isEmpty()) {
      return suppressed;
    }
    List<String> order = new ArrayList<>(voters.keySet());
    List<String> rest = new ArrayList<>(order.stream().filter(k -> voters.get(k) > 0 && !suppressed.contains(k)).toList());
    rest.sort(Comparator.comparing((String k) -> voters.get(k)).thenComparing(order::indexOf));
    long together = suppressed.stream().mapToLong(voters::get).sum();
    for (String next : rest) {
      if (suppressed.size() >= 2 && together >= min) {
        break;
      }
      suppressed.add(next);
      together += voters.get(next);
    }
    return suppressed;
  }

  /** A JSON string literal; the tests' values are plain text, so only quotes, backslashes and controls need care. */
  private static String text(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
