package org.pingyi.loadtest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Where PostgreSQL's CPU per ballot goes: one statement, run as the engine's writer runs its group commit (batches
 * of 50 ballots as text[] parameters, one commit each, on a few connections at once) for some seconds, while the
 * PostgreSQL server processes' CPU is read from /proc. Prints rows/s and PostgreSQL µs of CPU per row. Arguments:
 * JDBC URL, statement, seconds, connections, first representative number. The statement is the engine's own insert
 * ({@link #ENGINE}, read from BallotSql's source so it never drifts), one of its variants without a clause
 * ({@link #VARIANTS}), or a file taking the same eight text[] parameters: sessions, representatives, scores,
 * comments, survey, receipts, keys, body hashes.
 */
public final class InsertCost {
  private static final int BATCH = 50;
  private static final String SCORES = "{\"D01\":\"satisfied\",\"D02\":\"fairly_satisfied\",\"D03\":\"satisfied\","
      + "\"D04\":\"basically_satisfied\",\"D05\":\"satisfied\",\"D06\":\"dissatisfied\",\"D07\":\"satisfied\","
      + "\"D08\":\"fairly_satisfied\"}";

  static final String ENGINE = "engine";
  /** A variant's name → the line of the engine's insert it leaves out. */
  static final Map<String, String> VARIANTS = Map.of(
      "no-share-lock", "FOR SHARE OF s",
      "no-on-conflict", "ON CONFLICT (session_id, representative_id) DO NOTHING");
  static final Path BALLOT_SQL = Path.of("engine/src/main/java/org/pingyi/ballot/BallotSql.java");

  private InsertCost() {}

  /** The statement a name stands for: the engine's insert, a variant of it, or a file's. */
  static String statement(String name) throws java.io.IOException {
    if (!name.equals(ENGINE) && !VARIANTS.containsKey(name)) {
      return Files.readString(Path.of(name));
    }
    String source = Files.readString(BALLOT_SQL);
    int start = source.indexOf("INSERT_BATCH = \"\"\"") + "INSERT_BATCH = \"\"\"".length();
    String sql = source.substring(start, source.indexOf("\"\"\"", start)).replaceAll("\\$\\d", "?");
    String leftOut = VARIANTS.get(name);
    return leftOut == null ? sql : sql.lines().filter(l -> !l.strip().equals(leftOut)).collect(Collectors.joining("\n"));
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String sql = statement(args[1]);
    long seconds = Long.parseLong(args[2]);
    int connections = Integer.parseInt(args[3]);
    AtomicInteger next = new AtomicInteger(Integer.parseInt(args[4]));
    AtomicLong rows = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> writers = new ArrayList<>();
    // The server's CPU is read while every connection is still open: a backend's ticks go with it when it exits.
    CountDownLatch finished = new CountDownLatch(connections);
    CountDownLatch measured = new CountDownLatch(1);
    long cpuBefore = postgresTicks();
    long started = System.nanoTime();
    for (int w = 0; w < connections; w++) {
      Thread t = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
          c.setAutoCommit(true);
          try (PreparedStatement st = c.prepareStatement(sql)) {
            while (System.nanoTime() < deadline) {
              int first = next.getAndAdd(BATCH);
              String[][] columns = new String[8][BATCH];
              for (int i = 0; i < BATCH; i++) {
                int n = first + i;
                columns[0][i] = "econ1-2024";
                columns[1][i] = String.format("R%06d", n);
                columns[2][i] = SCORES;
                columns[3][i] = "{}";
                columns[4][i] = "{}";
                columns[5][i] = "rc-" + n + "-" + System.nanoTime();
                columns[6][i] = "key-" + n;
                columns[7][i] = Long.toHexString(n * 0x9E3779B97F4A7C15L);
              }
              for (int p = 0; p < 8; p++) {
                st.setArray(p + 1, c.createArrayOf("text", columns[p]));
              }
              boolean result = st.execute();
              if (result) {
                try (var rs = st.getResultSet()) {
                  while (rs.next()) {
                    rows.incrementAndGet();
                  }
                }
              } else {
                rows.addAndGet(st.getUpdateCount());
              }
            }
          }
          finished.countDown();
          measured.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      t.start();
      writers.add(t);
    }
    finished.await();
    double elapsed = (System.nanoTime() - started) / 1e9;
    double cpu = (postgresTicks() - cpuBefore) / 100.0;
    measured.countDown();
    for (Thread t : writers) {
      t.join();
    }
    System.out.printf("%s: %,.0f rows/s, PostgreSQL %.2f cores, %.2f µs of PostgreSQL CPU per row (%d rows)%n",
        Path.of(args[1]).getFileName(), rows.get() / elapsed, cpu / elapsed, cpu / rows.get() * 1e6, rows.get());
  }

  /** CPU ticks (user + system) of every process named postgres. */
  static long postgresTicks() throws Exception {
    long ticks = 0;
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        try {
          String stat = Files.readString(p.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.equals("postgres")) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (Exception gone) {
          // the process ended meanwhile
        }
      }
    }
    return ticks;
  }
}
