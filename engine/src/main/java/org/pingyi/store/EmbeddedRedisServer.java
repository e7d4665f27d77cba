package org.pingyi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis from the embedded-redis binary, append-only file on, under {@code <dataDir>/redis} so the live
 * counters survive a restart. It takes a free port of its own (never 6379).
 */
public final class EmbeddedRedisServer implements AutoCloseable {

  private final RedisServer server;
  private final int port;

  private EmbeddedRedisServer(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  public static EmbeddedRedisServer start(Path dataDir) throws IOException {
    return start(dataDir, FreePort.find());
  }

  /** Blocking. A given port lets a test stop Redis and bring it back where clients expect it. */
  public static EmbeddedRedisServer start(Path dataDir, int port) throws IOException {
    Path dir = dataDir.resolve("redis").toAbsolutePath();
    Files.createDirectories(dir);
    RedisServer server = RedisServer.newRedisServer()
        .port(port)
        .bind("127.0.0.1")
        .setting("dir " + dir)
        .setting("appendonly yes")
        .setting("appendfsync everysec")
        .setting("save \"\"")
        .setting("maxmemory-policy noeviction")
        .onShutdownForceStop(true)
        .build();
    server.start();
    return new EmbeddedRedisServer(server, port);
  }

  public int port() {
    return port;
  }

  public RedisLocation location() {
    return new RedisLocation("redis://127.0.0.1:" + port);
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}
