package org.pingyi.draw;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pingyi.Hashes;
import org.pingyi.edition.Edition;
import org.pingyi.http.FieldError;

/**
 * The year's roster draw from a pool (docs/draw.md): parse and hash the pool, derive the generator from the seed,
 * the pool's hash and the quota block, lay out the cells, check feasibility, draw every cell, then write roster.csv
 * and draw.json. Same inputs, same bytes out. Blocking (file and CPU work): never on an event loop.
 */
public final class RosterDraw {
  public static final String ALGORITHM = "pingyi-draw-v1";
  static final int MAX_SEED_LENGTH = 200;

  private RosterDraw() {}

  /** Where the pool's bytes come from; opened twice (the drawn rows are read again). */
  @FunctionalInterface
  public interface PoolFile {
    InputStream open() throws IOException;
  }

  /** What the draw is asked: the edition, the year drawn for, the public seed and where it was announced. */
  public record Request(Edition edition, int year, String seed, String seedSource) {}

  /** Why a seed is not usable, if it is not: 1–200 characters, no control characters, no spaces at either end. */
  public static Optional<String> seedProblem(String seed) {
    if (seed == null || seed.isEmpty()) {
      return Optional.of("the seed is empty");
    }
    if (seed.length() > MAX_SEED_LENGTH) {
      return Optional.of("the seed is longer than " + MAX_SEED_LENGTH + " characters");
    }
    if (!seed.strip().equals(seed)) {
      return Optional.of("the seed begins or ends with a space (write it exactly as announced, without them)");
    }
    if (seed.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("the seed holds a control character");
    }
    return Optional.empty();
  }

  /** Why a year cannot be drawn for, if it cannot. */
  public static Optional<String> yearProblem(int year) {
    return year >= 1900 && year <= 2999 ? Optional.empty() : Optional.of("the year must be from 1900 to 2999");
  }

  /** What checking a pool before the seed is known gave: its hash and size, or its bad lines, or its short cells. */
  public record PoolCheck(byte[] sha256, int people, List<FieldError> badLines, List<ShortCell> shortCells) {
    public boolean ok() {
      return badLines.isEmpty() && shortCells.isEmpty();
    }
  }

  /**
   * Checks a pool for the year before any seed is known: every line, and feasibility for every placement of the
   * remainder seats the generator could choose ({@link CellPlan#worstCase}), so a published pool cannot fail later.
   */
  public static PoolCheck check(PoolFile poolFile, Edition edition, int year) throws IOException {
    PoolCsv.Parse parse;
    try (InputStream in = poolFile.open()) {
      parse = PoolCsv.parse(in, edition, year);
    }
    if (!parse.ok()) {
      return new PoolCheck(null, 0, parse.errors(), List.of());
    }
    Pool pool = parse.pool();
    CellPlan plan = CellPlan.worstCase(edition);
    Candidates candidates = Candidates.of(pool, plan, edition.categories().size(), edition.districts().size());
    return new PoolCheck(pool.sha256, pool.size, List.of(), Feasibility.check(edition, plan, candidates));
  }

  public static DrawOutcome run(PoolFile poolFile, Request request, OutputStream roster, OutputStream transcript)
      throws IOException {
    seedProblem(request.seed()).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    Edition edition = request.edition();
    PoolCsv.Parse parse;
    try (InputStream in = poolFile.open()) {
      parse = PoolCsv.parse(in, edition, request.year());
    }
    if (!parse.ok()) {
      return new DrawOutcome.BadPool(parse.errors());
    }
    Pool pool = parse.pool();
    QuotaBlock quotas = QuotaBlock.of(edition, request.year());
    byte[] generatorSeed = generatorSeed(request.seed(), pool.sha256, quotas);
    DrawStream stream = new DrawStream(generatorSeed);
    CellPlan plan = CellPlan.of(edition, stream);
    Candidates candidates = Candidates.of(pool, plan, edition.categories().size(), edition.districts().size());
    List<ShortCell> shortCells = Feasibility.check(edition, plan, candidates);
    if (!shortCells.isEmpty()) {
      return new DrawOutcome.Infeasible(shortCells);
    }
    List<CellDraw> draws = new ArrayList<>();
    for (CellPlan.Cell cell : plan.cells()) {
      draws.add(CellDraw.draw(cell, candidates, stream));
    }
    long[] pseudonyms = Pseudonyms.of(pool, generatorSeed);
    DrawnRoster.Written written;
    try (InputStream again = poolFile.open()) {
      written = DrawnRoster.write(again, pool, DrawnRoster.order(pool, draws), roster);
    }
    int seats = plan.cells().stream().mapToInt(CellPlan.Cell::seats).sum();
    Edition.Rotation rotation = edition.rotationOrNone();
    var header = new TranscriptWriter.Header(edition.id(), request.year(), request.seed(), request.seedSource(),
        pool.sha256, pool.size, quotas, generatorSeed, QuotaBlock.decimal(edition.alternateShare()),
        QuotaBlock.decimal(rotation.minNewShare()), rotation.maxConsecutiveYears(), plan.remainderDistricts());
    byte[] transcriptSha = TranscriptWriter.write(transcript, header, draws, candidates, pseudonyms,
        Feasibility.rosterFloor(edition, seats), stream.wordsRead(), written);
    return new DrawOutcome.Drawn(summary(pool, draws, written, transcriptSha));
  }

  /** G = SHA-256(seed ‖ SHA-256(pool file) ‖ SHA-256(quota block)), the seed as UTF-8, the digests as raw bytes. */
  static byte[] generatorSeed(String seed, byte[] poolSha256, QuotaBlock quotas) {
    return Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8), poolSha256, Hashes.sha256(quotas.bytes()));
  }

  private static DrawSummary summary(Pool pool, List<CellDraw> draws, DrawnRoster.Written written, byte[] transcriptSha) {
    List<DrawSummary.Cell> cells = new ArrayList<>();
    int fresh = 0;
    for (CellDraw d : draws) {
      int[] active = new int[Source.values().length];
      int[] alternates = new int[Source.values().length];
      for (int p : d.activeNew()) {
        active[pool.source[p]]++;
      }
      for (int p : d.activeReturning()) {
        active[pool.source[p]]++;
      }
      for (int p : d.alternates()) {
        alternates[pool.source[p]]++;
      }
      fresh += d.newSeats();
      cells.add(new DrawSummary.Cell(d.cell().categoryCode(), d.cell().districtCode(), d.cell().seats(), d.newSeats(),
          d.activeReturning().length, d.alternates().length, d.alternatesShort(), active, alternates));
    }
    return new DrawSummary(pool.sha256, pool.size, written.sha256(), transcriptSha, written.active(),
        written.alternates(), fresh, List.copyOf(cells));
  }
}
