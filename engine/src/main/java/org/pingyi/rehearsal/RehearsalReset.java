package org.pingyi.rehearsal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.pingyi.config.ConfigException;
import org.pingyi.config.EngineConfig;
import org.pingyi.store.Backends;
import org.pingyi.store.Migrations;
import org.pingyi.store.PgLocation;
import org.pingyi.store.RedisLocation;
import org.pingyi.store.RedisStore;

/**
 * Removes a rehearsal without a trace: its database beside the real one (as the schema owner), every Redis key of
 * its namespace, and its directory (edition, roster, keys, the SMS sink, and on embedded servers the servers' data).
 * Touches nothing else: it refuses a database whose name lacks the rehearsal suffix or a directory not named
 * "rehearsal", whatever it is given. Blocking; runs with the rehearsal engine stopped.
 */
public final class RehearsalReset {
  /** What the reset removed. */
  public record Removed(String database, long redisKeys, Path directory) {}

  private RehearsalReset() {}

  /** @param rehearsal the rehearsal's configuration ({@code ConfigLoader.forRehearsal}) */
  public static Removed run(EngineConfig rehearsal) throws Exception {
    if (!rehearsal.rehearsal() || !"rehearsal".equals(rehearsal.dataDir().toAbsolutePath().normalize().getFileName().toString())) {
      throw new IllegalArgumentException("not a rehearsal's configuration");
    }
    String database = "embedded (removed with the directory)";
    Optional<PgLocation> owner = Backends.configuredOwner(rehearsal);
    if (owner.isPresent()) {
      database = dropDatabase(owner.get());
    }
    long keys = 0;
    if (rehearsal.redisUrl().isPresent()) {
      try (RedisStore redis = RedisStore.connect(RedisLocation.parse(rehearsal.redisUrl().get(), rehearsal.redisCluster()),
          rehearsal.redisNamespace())) {
        keys = redis.deleteNamespace();
      }
    }
    Path dir = rehearsal.dataDir();
    deleteTree(dir);
    return new Removed(database, keys, dir);
  }

  private static String dropDatabase(PgLocation owner) throws SQLException {
    if (!owner.database().endsWith(EngineConfig.REHEARSAL_DATABASE_SUFFIX)) {
      throw new IllegalArgumentException("refusing to drop " + owner.database() + ": not a rehearsal's database");
    }
    try {
      return Migrations.dropDatabase(owner) ? "dropped " + owner.database() : owner.database() + " was not there";
    } catch (SQLException e) {
      if ("55006".equals(e.getSQLState())) {
        throw new ConfigException("rehearsal reset: " + owner.database() + " is still in use; stop the rehearsal engine first");
      }
      throw e;
    }
  }

  /** Blocking: the directory and everything under it; nothing when it is not there. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
