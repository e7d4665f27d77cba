package org.pingyi.results;

import java.nio.file.Files;
import java.nio.file.Path;

/** For tests outside this package: a sealed session's ballots.ndjson, signed results.json and jwks.json. */
public record SealedExportFiles(Path ballots, Path results, Path keys) {
  public static SealedExportFiles make(Path dir, int ballots, long seed) throws Exception {
    Files.createDirectories(dir);
    SealedExport export = SealedExport.make(dir, ballots, seed);
    return new SealedExportFiles(export.ballots, export.results, export.keys);
  }
}
