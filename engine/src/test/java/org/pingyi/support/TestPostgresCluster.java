package org.pingyi.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.pingyi.store.FreePort;

/**
 * A PostgreSQL cluster of a test's own, made with Debian's binaries (initdb, pg_ctl) in a temporary directory on a
 * free port, with the settings and pg_hba.conf lines the test gives; stopped and deleted on close. PostgreSQL refuses
 * to run as root, so as root the commands run as the system user postgres.
 */
public final class TestPostgresCluster implements AutoCloseable {
  public static final String SUPERUSER = "postgres";

  private final Path dir;
  private final Path bin;
  private final int port;

  private TestPostgresCluster(Path dir, Path bin, int port) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
  }

  /** @param settings postgresql.conf lines ({@code ssl = on} …); @param hba the pg_hba.conf lines for TCP clients */
  public static TestPostgresCluster start(String password, Map<String, String> settings, List<String> hba) throws Exception {
    Path dir = Files.createTempDirectory("pingyi-pg-cluster");
    TestPostgresCluster cluster = new TestPostgresCluster(dir, binaries(), FreePort.find());
    try {
      Files.writeString(dir.resolve("pwfile"), password + "\n");
      giveToServerUser(dir);
      cluster.run("initdb", "-D", cluster.data().toString(), "-U", SUPERUSER, "--auth=scram-sha-256",
          "--pwfile=" + dir.resolve("pwfile"), "-E", "UTF8", "--locale=C");
      List<String> conf = new ArrayList<>(List.of("port = " + cluster.port, "listen_addresses = 'localhost'",
          "unix_socket_directories = '" + dir + "'", "fsync = off", "max_connections = 50"));
      settings.forEach((k, v) -> conf.add(k + " = " + v));
      Files.write(cluster.data().resolve("postgresql.conf"), conf, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
      List<String> rules = new ArrayList<>(List.of("local all all trust"));
      rules.addAll(hba);
      Files.write(cluster.data().resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
      giveToServerUser(dir);
      cluster.run("pg_ctl", "-D", cluster.data().toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "start");
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** The postmaster's process id (its backends are its children). */
  public long serverPid() throws IOException {
    return Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
  }

  public String log() throws IOException {
    Path log = dir.resolve("server.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Gives a directory (the cluster's, or one of certificates it reads) to the server's user. */
  public static void giveToServerUser(Path dir) throws Exception {
    if (asRoot()) {
      exec(List.of("chown", "-R", SUPERUSER + ":", dir.toString()));
    }
  }

  private Path data() {
    return dir.resolve("data");
  }

  private void run(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (asRoot()) {
      command.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(Arrays.asList(args));
    exec(command);
  }

  private static void exec(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The newest installed major version's binaries, /usr/lib/postgresql/N/bin. */
  private static Path binaries() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql"));
    }
  }

  /**
   * A streaming standby of this (primary) cluster on a port of its own: {@code pg_basebackup -R -c fast}, connecting
   * as {@code applicationName} (name it in the primary's synchronous_standby_names to make it synchronous). Its own
   * synchronous_standby_names is empty, as a failover manager sets it on a promoted server that has no standby yet.
   */
  public TestPostgresCluster standby(String password, String applicationName) throws Exception {
    Path dir = Files.createTempDirectory("pingyi-pg-standby");
    TestPostgresCluster standby = new TestPostgresCluster(dir, bin, FreePort.find());
    try {
      giveToServerUser(dir);
      standby.run("pg_basebackup", "-D", standby.data().toString(), "-R", "-c", "fast", "-X", "stream",
          "-d", "host=127.0.0.1 port=" + port + " user=" + SUPERUSER + " password=" + password);
      Files.write(standby.data().resolve("postgresql.conf"), List.of("port = " + standby.port,
          "unix_socket_directories = '" + dir + "'", "synchronous_standby_names = ''"), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
      Files.write(standby.data().resolve("postgresql.auto.conf"), List.of("primary_conninfo = 'host=127.0.0.1 port=" + port
          + " user=" + SUPERUSER + " password=" + password + " application_name=" + applicationName + "'"),
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
      giveToServerUser(dir);
      standby.run("pg_ctl", "-D", standby.data().toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "start");
      return standby;
    } catch (Exception | Error e) {
      standby.close();
      throw e;
    }
  }

  /**
   * The machine dies: {@code pg_ctl stop -m immediate}, no checkpoint, clients cut off; if the server has not gone
   * within 10 s (a loaded test machine), SIGKILL to the postmaster and every backend.
   */
  public void crash() throws Exception {
    long postmaster = serverPid();
    try {
      run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "-t", "10", "stop");
    } catch (IllegalStateException slow) {
      List<String> kill = new ArrayList<>(List.of("kill", "-KILL", String.valueOf(postmaster)));
      ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(c -> kill.add(String.valueOf(c.pid()))));
      exec(kill);
    }
  }

  /** A standby becomes primary ({@code pg_ctl promote}, waiting until it takes writes). */
  public void promote() throws Exception {
    run("pg_ctl", "-D", data().toString(), "-w", "-t", "60", "promote");
  }

  @Override
  public void close() {
    try {
      if (Files.exists(data().resolve("postmaster.pid"))) {
        run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
      }
    } catch (Exception e) {
      // the directory goes anyway; a stray server would fail the next start loudly
    }
    TestEngine.deleteTree(dir);
  }
}
