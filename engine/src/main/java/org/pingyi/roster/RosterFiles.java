package org.pingyi.roster;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.pingyi.edition.Edition;
import org.pingyi.http.Csv;

/**
 * Reads and writes roster CSV files (UTF-8, RFC 4180, the API.md header). Written cells are neutralised like every CSV
 * of the engine (a phone +86… is written '+86…), and the reader takes that prefix off, so a written file imports.
 */
public final class RosterFiles {
  private RosterFiles() {}

  public static RosterParse read(Path file, Edition edition) throws IOException {
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return RosterCsv.parse(reader, edition);
    }
  }

  public static void write(List<RosterEntry> roster, Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
         CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      Csv.Printer cells = new Csv.Printer(csv);
      cells.printRecord(RosterCsv.HEADER);
      for (RosterEntry e : roster) {
        cells.printRecord(e.id(), e.name(), e.phone(), e.district(), e.category(), e.status().name(), e.subject());
      }
    }
  }
}
