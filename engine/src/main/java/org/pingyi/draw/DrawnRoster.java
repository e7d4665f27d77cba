package org.pingyi.draw;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.pingyi.Hashes;
import org.pingyi.http.Csv;
import org.pingyi.roster.RosterCsv;

/**
 * Writes roster.csv (docs/draw.md §13): the roster import format, cell by cell in the draw's order, each cell's
 * active representatives and then its alternates in draw order, every field as the pool file has it, formula-
 * neutralised as every CSV the engine writes (a phone {@code +86…} is written {@code '+86…}; the import reads it back). Reads the pool
 * a second time, parsing only the rows drawn (it skips to where each begins), and refuses a pool that changed since
 * the first read.
 */
final class DrawnRoster {
  static final CSVFormat OUT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private DrawnRoster() {}

  record Written(byte[] sha256, int active, int alternates) {}

  /** The rows in file order: who goes where, and with which status. */
  static final class Order {
    final int[] position;
    final boolean[] alternate;
    int rows;
    int alternates;

    Order(int people, int drawn) {
      position = new int[people];
      Arrays.fill(position, -1);
      alternate = new boolean[drawn];
    }

    void add(int[] people, boolean asAlternate) {
      for (int p : people) {
        position[p] = rows;
        alternate[rows++] = asAlternate;
        alternates += asAlternate ? 1 : 0;
      }
    }
  }

  static Order order(Pool pool, List<CellDraw> draws) {
    int drawn = draws.stream().mapToInt(d -> d.activeNew().length + d.activeReturning().length + d.alternates().length).sum();
    Order order = new Order(pool.size, drawn);
    for (CellDraw d : draws) {
      order.add(d.activeNew(), false);
      order.add(d.activeReturning(), false);
      order.add(d.alternates(), true);
    }
    return order;
  }

  static Written write(InputStream poolAgain, Pool pool, Order order, OutputStream out) throws IOException {
    String[][] rows = new String[order.rows][];
    MessageDigest again = Hashes.sha256Digest();
    InputStream hashed = new DigestInputStream(new BufferedInputStream(poolAgain, 1 << 16), again);
    Reader text = new InputStreamReader(hashed, StandardCharsets.UTF_8);
    long at = 0;
    try {
      for (int person : drawnInFileOrder(pool, order)) {
        long from = pool.position[person];
        at += skip(text, from - at);
        long until = person + 1 < pool.size ? pool.position[person + 1] : Long.MAX_VALUE;
        StringBuilder record = new StringBuilder();
        for (int c; at < until && (c = text.read()) >= 0; at++) {
          record.append((char) c);
        }
        List<CSVRecord> parsed = CSVParser.parse(record.toString(), PoolCsv.FORMAT).getRecords();
        CSVRecord r = parsed.get(0);
        int row = order.position[person];
        rows[row] = new String[] {PoolCsv.field(r.get(0)), PoolCsv.field(r.get(1)), PoolCsv.field(r.get(2)),
            PoolCsv.field(r.get(3)), PoolCsv.field(r.get(4)), order.alternate[row] ? "alternate" : "active", PoolCsv.field(r.get(6))};
        if (!pool.ids[person].equals(rows[row][0])) {
          throw new PoolChangedException();
        }
      }
      hashed.transferTo(OutputStream.nullOutputStream());
    } catch (UncheckedIOException | IllegalStateException | IndexOutOfBoundsException e) {
      throw new PoolChangedException();
    }
    if (!Arrays.equals(again.digest(), pool.sha256)) {
      throw new PoolChangedException();
    }
    MessageDigest digest = Hashes.sha256Digest();
    Writer writer = new OutputStreamWriter(new DigestOutputStream(out, digest), StandardCharsets.UTF_8);
    CSVPrinter csv = new CSVPrinter(writer, OUT);
    Csv.Printer cells = new Csv.Printer(csv);  // neutralised like every CSV the engine writes; RosterCsv takes it off
    cells.printRecord(RosterCsv.HEADER);
    for (String[] row : rows) {
      cells.printRecord((Object[]) row);
    }
    csv.flush();
    return new Written(digest.digest(), order.rows - order.alternates, order.alternates);
  }

  private static int[] drawnInFileOrder(Pool pool, Order order) {
    int[] drawn = new int[order.rows];
    int n = 0;
    for (int p = 0; p < pool.size; p++) {
      if (order.position[p] >= 0) {
        drawn[n++] = p;
      }
    }
    return drawn;
  }

  private static long skip(Reader text, long chars) throws IOException {
    long skipped = 0;
    while (skipped < chars) {
      long s = text.skip(chars - skipped);
      if (s <= 0) {
        throw new PoolChangedException();
      }
      skipped += s;
    }
    return skipped;
  }

  /** The pool file was changed while it was being drawn from. */
  static final class PoolChangedException extends IOException {
    PoolChangedException() {
      super("the pool file changed while the draw was reading it");
    }
  }
}
