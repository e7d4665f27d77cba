package org.pingyi.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import org.pingyi.keys.EngineKeys;
import org.pingyi.keys.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's roles: {@value #OWNER} owns the database and every object of the schema and runs the
 * migrations; the engine serves as {@value #RUNTIME}, which owns nothing and gets only {@link RuntimeGrants}. Their
 * passwords (and the superuser's) are generated once and kept under {@code <dataDir>/keys} (0600), and the cluster
 * then asks every connection for a password (scram-sha-256), where it used to trust anyone on the machine.
 *
 * <p>Applied at every start, so it also upgrades a data directory made before roles existed, where the superuser
 * {@code postgres} owned every table: ownership moves to {@value #OWNER} in place, no data is copied.
 */
public record EmbeddedRoles(String superuserPassword, String ownerPassword, String runtimePassword) {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRoles.class);
  public static final String OWNER = "pingyi_owner";
  public static final String RUNTIME = "pingyi_app";
  static final String HBA = """
      # Written by the Pingyi engine: every connection gives a password (kept under the data directory's keys/).
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      host  all all ::1/128 scram-sha-256
      """;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Reads the passwords, making any that does not exist yet. Blocking. */
  public static EmbeddedRoles load(Path dataDir) throws IOException {
    Path keys = EngineKeys.keysDirectory(dataDir);
    return new EmbeddedRoles(password(keys.resolve("pg-superuser.password")), password(keys.resolve("pg-owner.password")),
        password(keys.resolve("pg-runtime.password")));
  }

  private static String password(Path file) throws IOException {
    return KeyFiles.readOrCreate(file, () -> {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    });
  }

  /** Creates or updates both roles, moves ownership to the owner, and makes the cluster require passwords. */
  public void apply(EmbeddedPostgresServer server) throws SQLException, IOException {
    try (Connection c = Jdbc.connect(server.location())) {
      Jdbc.ddl(c, RoleSql.SET_OWN_PASSWORD, superuserPassword);
      ensureRole(c, OWNER, ownerPassword);
      ensureRole(c, RUNTIME, runtimePassword);
      Jdbc.ddl(c, RoleSql.OWN_DATABASE, OWNER);
      int moved = Jdbc.ddl(c, RoleSql.RELATIONS_TO_TRANSFER, OWNER, OWNER)
          + Jdbc.ddl(c, RoleSql.FUNCTIONS_TO_TRANSFER, OWNER, OWNER);
      if (moved > 0) {
        LOG.info("database roles: {} object(s) of the schema now belong to {} (a data directory from before the roles)", moved, OWNER);
      }
      Path hba = server.directory().resolve("pg_hba.conf");
      if (!HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
        Files.writeString(hba, HBA, StandardCharsets.UTF_8);
        try (var st = c.createStatement()) {
          st.execute(RoleSql.RELOAD_CONFIGURATION);
        }
        LOG.info("embedded PostgreSQL now asks every connection for a password");
      }
    }
  }

  private static void ensureRole(Connection c, String role, String password) throws SQLException {
    Jdbc.ddl(c, Jdbc.exists(c, RoleSql.ROLE_EXISTS, role) ? RoleSql.ALTER_ROLE : RoleSql.CREATE_ROLE, role, password);
  }

  public PgLocation owner(EmbeddedPostgresServer server) {
    return server.location(OWNER, ownerPassword);
  }

  public PgLocation runtime(EmbeddedPostgresServer server) {
    return server.location(RUNTIME, runtimePassword);
  }

  @Override
  public String toString() {
    return "EmbeddedRoles[" + OWNER + ", " + RUNTIME + "]";
  }
}
