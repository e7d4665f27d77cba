package org.pingyi.store;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pingyi.config.EngineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL and Redis the engine talks to: the configured ones, or embedded ones it starts under the data
 * directory. Closing stops only what it started. PostgreSQL comes as two roles: {@link #migrations()} owns the schema
 * (migrations, start-up sync), {@link #postgres()} is what the engine serves with; with one configured URL and no
 * migration URL they are the same role.
 */
public final class Backends implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

  private final PgLocation postgres;
  private final PgLocation migrations;
  private final RedisLocation redis;
  private final List<AutoCloseable> started;

  private Backends(PgLocation postgres, PgLocation migrations, RedisLocation redis, List<AutoCloseable> started) {
    this.postgres = postgres;
    this.migrations = migrations;
    this.redis = redis;
    this.started = started;
  }

  /** Blocking: starting embedded servers takes seconds (initdb on first use). */
  public static Backends start(EngineConfig config) throws IOException {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      PgLocation pg;
      PgLocation owner;
      if (config.pgUrl().isPresent()) {
        pg = configured(config, PgLocation.parse(config.pgUrl().get()));
        owner = configuredOwner(config).orElseThrow();
      } else {
        EmbeddedRoles roles = EmbeddedRoles.load(config.dataDir());
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(config.dataDir(), FreePort.find(), roles.superuserPassword());
        started.add(server);
        roles.apply(server);
        pg = roles.runtime(server);
        owner = roles.owner(server);
      }
      RedisLocation redis;
      if (config.redisUrl().isPresent()) {
        redis = RedisLocation.parse(config.redisUrl().get(), config.redisCluster());
      } else {
        EmbeddedRedisServer server = EmbeddedRedisServer.start(config.dataDir());
        started.add(server);
        redis = server.location();
      }
      return new Backends(pg, owner, redis, started);
    } catch (SQLException e) {
      closeAll(started);
      throw new IOException("setting up the embedded PostgreSQL's roles failed: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /**
   * The schema owner of configured servers (the migration URL, else the runtime URL); empty for embedded servers.
   * A rehearsal's is the same server's database with the rehearsal suffix.
   */
  public static Optional<PgLocation> configuredOwner(EngineConfig config) {
    return config.pgUrl().map(url -> configured(config,
        config.pgMigrationUrl().map(PgLocation::parseMigration).orElseGet(() -> PgLocation.parse(url))));
  }

  /** A rehearsal sits beside the real database on the same server, never in it: it cannot even see the real tables. */
  private static PgLocation configured(EngineConfig config, PgLocation location) {
    return config.rehearsal() ? location.withDatabase(location.database() + EngineConfig.REHEARSAL_DATABASE_SUFFIX) : location;
  }

  public PgLocation postgres() {
    return postgres;
  }

  /** The role that owns the schema: migrations and start-up writes (the edition). */
  public PgLocation migrations() {
    return migrations;
  }

  /** True when the engine serves as a role of its own, not the schema's owner. */
  public boolean separateRuntimeRole() {
    return !migrations.user().equals(postgres.user());
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
