package org.pingyi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The machine's own PostgreSQL (127.0.0.1:5432, trust auth) and Redis (127.0.0.1:6379), used as "external
 * servers". Each test database is created fresh and dropped afterwards; other databases are left alone.
 */
public final class TestServers {
  public static final String PG_HOST = System.getenv().getOrDefault("PINGYI_TEST_PG_HOST", "127.0.0.1");
  public static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("PINGYI_TEST_PG_PORT", "5432"));
  public static final String REDIS = System.getenv().getOrDefault("PINGYI_TEST_REDIS", "redis://127.0.0.1:6379");

  private static final Pattern TEST_DATABASE = Pattern.compile("pingyi_test_[0-9a-z]{12}(_rehearsal)?");

  private TestServers() {}

  public static String newDatabaseName() {
    return "pingyi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  public static String pgUrl(String database) {
    return "postgresql://postgres@" + PG_HOST + ":" + PG_PORT + "/" + database;
  }

  /** The URL of a role on a test database (trust auth: no password). */
  public static String pgUrl(String role, String database) {
    return "postgresql://" + role + "@" + PG_HOST + ":" + PG_PORT + "/" + database;
  }

  /** The schema owner of a test database: may create it, owns what migrations make, no superuser. */
  public static String ownerRole(String database) {
    return database + "_owner";
  }

  /** The runtime role of a test database: owns nothing; the engine grants it what it needs. */
  public static String runtimeRole(String database) {
    return database + "_app";
  }

  /** Roles are cluster-wide: each test database gets its own pair, named after it, dropped with it. */
  public static void createRoles(String database) {
    try (Connection c = connect("postgres")) {
      createRoles(c, database, null);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the roles of test database " + database, e);
    }
  }

  /** The same pair on a server of the test's own ({@link TestPostgresCluster}), where every role gives a password. */
  public static void createRoles(Connection superuser, String database, String password) throws SQLException {
    ddl(superuser, "SELECT format('CREATE ROLE %I LOGIN CREATEDB NOSUPERUSER NOCREATEROLE PASSWORD %L', ?, ?)",
        ownerRole(database), password);
    ddl(superuser, "SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', ?, ?)",
        runtimeRole(database), password);
  }

  public static void dropRoles(String database) {
    try (Connection c = connect("postgres")) {
      ddl(c, "SELECT format('DROP ROLE IF EXISTS %I', ?)", runtimeRole(database));
      ddl(c, "SELECT format('DROP ROLE IF EXISTS %I', ?)", ownerRole(database));
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop the roles of test database " + database, e);
    }
  }

  /** DDL names cannot be parameters: PostgreSQL's format() quotes them and the answer is run. */
  public static void ddl(Connection c, String formatQuery, String... names) throws SQLException {
    String statement;
    try (var st = c.prepareStatement(formatQuery)) {
      for (int i = 0; i < names.length; i++) {
        st.setString(i + 1, names[i]);
      }
      var rs = st.executeQuery();
      rs.next();
      statement = rs.getString(1);
    }
    try (var st = c.createStatement()) {
      st.execute(statement);
    }
  }

  public static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
  }

  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
  }

  public static boolean databaseExists(String database) throws SQLException {
    try (Connection c = connect("postgres");
         var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      st.setString(1, database);
      return st.executeQuery().next();
    }
  }

  /**
   * DROP DATABASE takes no statement parameters, so the name is checked to be one {@link #newDatabaseName} made
   * and quoted by the driver's own identifier quoting before it goes into the statement.
   */
  public static void dropDatabase(String database) {
    if (!TEST_DATABASE.matcher(database).matches()) {
      throw new IllegalArgumentException("not a test database name: " + database);
    }
    try (Connection c = connect("postgres"); var st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + st.enquoteIdentifier(database, true) + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + database, e);
    }
  }

  /** A Redis database index of its own per test engine, flushed before use. */
  public static String redisUrl(int databaseIndex) {
    flushRedis(databaseIndex);
    return REDIS + "/" + databaseIndex;
  }

  public static void flushRedis(int databaseIndex) {
    var client = io.lettuce.core.RedisClient.create(REDIS + "/" + databaseIndex);
    try (var connection = client.connect()) {
      connection.sync().flushdb();
    } finally {
      client.shutdown();
    }
  }

  /** The single number a {@code SELECT count(*) …} answers, with the statement's {@code ?} parameters in order. */
  public static long count(String database, String sql, Object... parameters) throws SQLException {
    try (Connection c = connect(database); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setObject(i + 1, parameters[i]);
      }
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
