package org.pingyi.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.config.EngineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL and Redis the engine talks to: the configured ones, or embedded ones it starts under the data
 * directory. Closing stops only what it started.
 */
public final class Backends implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

  private final PgLocation postgres;
  private final RedisLocation redis;
  private final List<AutoCloseable> started;

  private Backends(PgLocation postgres, RedisLocation redis, List<AutoCloseable> started) {
    this.postgres = postgres;
    this.redis = redis;
    this.started = started;
  }

  /** Blocking: starting embedded servers takes seconds (initdb on first use). */
  public static Backends start(EngineConfig config) throws IOException {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      PgLocation pg;
      if (config.pgUrl().isPresent()) {
        pg = PgLocation.parse(config.pgUrl().get());
      } else {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(config.dataDir());
        started.add(server);
        pg = server.location();
      }
      RedisLocation redis;
      if (config.redisUrl().isPresent()) {
        redis = RedisLocation.parse(config.redisUrl().get(), config.redisCluster());
      } else {
        EmbeddedRedisServer server = EmbeddedRedisServer.start(config.dataDir());
        started.add(server);
        redis = server.location();
      }
      return new Backends(pg, redis, started);
    } catch (IOException | RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  public PgLocation postgres() {
    return postgres;
  }

  public RedisLocation redis() {
    return redis;
  }

  @Override
  public void close() {
    closeAll(started);
  }

  private static void closeAll(List<AutoCloseable> servers) {
    for (int i = servers.size() - 1; i >= 0; i--) {
      try {
        servers.get(i).close();
      } catch (Exception e) {
        LOG.warn("stopping an embedded server failed: {}", e.toString());
      }
    }
  }
}
