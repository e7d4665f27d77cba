package org.pingyi.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pingyi.draw.DrawOutcome;
import org.pingyi.draw.Relaxation;
import org.pingyi.draw.RosterDraw;
import org.pingyi.draw.ShortCell;
import org.pingyi.edition.EditionLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code roster draw}: the year's representatives from a pool file, by quota, reproducibly (API.md "Roster draw").
 * Writes roster.csv and draw.json only when the draw succeeds; a bad pool or an infeasible quota table exits 2 with
 * every bad line or short cell on standard output (the command's answer), and what would make it feasible.
 */
@Command(name = "draw", mixinStandardHelpOptions = true,
    description = {"Draws the year's representatives and their alternates from a pool file, by the edition's quotas and",
        "rotation rule, with a generator seeded by the public seed; writes the roster and the public transcript."})
final class RosterDrawCommand implements Callable<Integer> {
  @Option(names = "--pool", required = true, description = "the pool CSV (id,name,phone,district,category,source,subject,servedYears)")
  Path pool;

  @Option(names = "--edition", defaultValue = "config/editions/qingdao-2024.yaml", description = "edition file (default ${DEFAULT-VALUE})")
  Path edition;

  @Option(names = "--year", required = true, description = "the year the representatives serve")
  int year;

  @Option(names = "--seed", required = true, description = "the public seed, exactly as announced")
  String seed;

  @Option(names = "--seed-source", description = "where the seed was announced (goes into the transcript)")
  String seedSource;

  @Option(names = "--out", required = true, description = "the roster CSV to write (roster import format)")
  Path out;

  @Option(names = "--transcript", required = true, description = "the transcript to write (draw.json)")
  Path transcript;

  @Override
  public Integer call() throws Exception {
    RosterDraw.seedProblem(seed).or(() -> RosterDraw.yearProblem(year)).ifPresent(p -> {
      throw new PingyiCli.Refusal("--seed/--year: " + p);
    });
    CliFiles.requireReadable("--pool", pool);
    var request = new RosterDraw.Request(EditionLoader.load(edition), year, seed, seedSource);
    Path rosterTemp = CliFiles.tempNextTo(out);
    Path transcriptTemp = CliFiles.tempNextTo(transcript);
    try {
      DrawOutcome outcome;
      try (OutputStream r = Files.newOutputStream(rosterTemp); OutputStream t = Files.newOutputStream(transcriptTemp)) {
        outcome = RosterDraw.run(() -> Files.newInputStream(pool), request, r, t);
      }
      PrintStream answer = System.out;
      if (outcome instanceof DrawOutcome.BadPool bad) {
        answer.println("REFUSED: the pool has " + bad.errors().size() + " bad line(s); nothing was drawn:");
        bad.errors().forEach(e -> answer.println("  " + e.field() + ": " + e.message()));
        return ExitCodes.REFUSED;
      }
      if (outcome instanceof DrawOutcome.Infeasible infeasible) {
        printInfeasible(answer, infeasible.cells());
        return ExitCodes.REFUSED;
      }
      var summary = ((DrawOutcome.Drawn) outcome).summary();
      Files.move(rosterTemp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(transcriptTemp, transcript, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      answer.println("drawn: " + summary.active() + " active (" + summary.newActive() + " new) and " + summary.alternates()
          + " alternates from " + summary.poolPeople() + " people");
      answer.println("roster:     " + out + " sha256 " + summary.rosterSha256Hex());
      answer.println("transcript: " + transcript + " sha256 " + summary.transcriptSha256Hex());
      return ExitCodes.OK;
    } finally {
      Files.deleteIfExists(rosterTemp);
      Files.deleteIfExists(transcriptTemp);
    }
  }

  static void printInfeasible(PrintStream answer, List<ShortCell> cells) {
    answer.println("INFEASIBLE: " + cells.size() + " cell(s) cannot be filled from this pool; nothing was written:");
    for (ShortCell cell : cells) {
      answer.println("  " + cell.cell() + ": " + cell.describe());
    }
    Map<String, List<String>> snippet = new LinkedHashMap<>();
    for (ShortCell cell : cells) {
      if (!cell.relaxations().isEmpty()) {
        Relaxation first = cell.relaxations().get(0);
        snippet.computeIfAbsent(first.yamlKey(), k -> new ArrayList<>()).addAll(first.yamlItems());
      }
    }
    if (!snippet.isEmpty()) {
      answer.println("A relaxation is adopted in the edition file; the first one named for each cell would read:");
      answer.println("drawRelaxations:");
      snippet.forEach((key, items) -> {
        answer.println("  " + key + ":");
        items.forEach(item -> answer.println("    - " + item));
      });
    }
  }
}
