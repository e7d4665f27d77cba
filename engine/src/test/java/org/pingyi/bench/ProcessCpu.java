package org.pingyi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds a process has used, from /proc/&lt;pid&gt;/stat (user + system, all threads); with {@code children}
 * also what its finished children used and its live children use now (a PostgreSQL postmaster and its backends).
 */
final class ProcessCpu {
  private static final double TICK = 100.0;

  private ProcessCpu() {}

  static double seconds(long pid, boolean children) throws IOException {
    String[] f = fields(pid);
    double ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
    if (children) {
      ticks += Long.parseLong(f[15]) + Long.parseLong(f[16]);
      try (Stream<Path> all = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) all::iterator) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String[] c = fields(Long.parseLong(name));
            if (Long.parseLong(c[3]) == pid) {
              ticks += Long.parseLong(c[13]) + Long.parseLong(c[14]);
            }
          } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile; its time is in the parent's cutime by now
          }
        }
      }
    }
    return ticks / TICK;
  }

  /** The stat fields, counted from 0 as in proc(5) minus one, after the command name (which may hold spaces). */
  private static String[] fields(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String rest = stat.substring(stat.lastIndexOf(')') + 2);
    String[] tail = rest.split(" ");
    String[] f = new String[tail.length + 2];
    System.arraycopy(tail, 0, f, 2, tail.length);
    return f;
  }
}
