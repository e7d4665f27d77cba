package org.pingyi.store;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.pingyi.config.ConfigException;
import org.postgresql.core.BaseConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.HostSpec;

/**
 * Where PostgreSQL is: every host of the URL in its order, the database, the role, TLS and which server may be used
 * ({@code target_session_attrs}). JDBC (Flyway, start-up work) connects through pgJDBC with the whole host list; the
 * Vert.x pool connects to the host {@link #findServer()} lands on, as libpq would pick it. Never printed with its
 * password. {@code origin} names where it came from (the configuration key) for messages.
 */
public record PgLocation(List<Host> hosts, String database, String user, String password, PgTls tls, Target target,
    String applicationName, String origin) {
  public static final String CONFIGURED = "postgres.url (PINGYI_PG_URL)";

  public record Host(String name, int port) {
    /** On this machine: loopback or localhost, where TLS adds nothing. */
    public boolean local() {
      return name.equals("localhost") || name.startsWith("127.") || name.equals("::1");
    }

    boolean is(HostSpec spec) {
      return spec.getPort() == port && spec.getHost().replace("[", "").replace("]", "").equalsIgnoreCase(name);
    }

    @Override
    public String toString() {
      return (name.contains(":") ? "[" + name + "]" : name) + ":" + port;
    }
  }

  /** libpq's target_session_attrs, as far as a writing engine can use them. */
  public enum Target {
    ANY("any"), READ_WRITE("primary");

    final String pgjdbc;

    Target(String pgjdbc) {
      this.pgjdbc = pgjdbc;
    }
  }

  public static PgLocation parse(String url) {
    return PgUrl.parse(url, CONFIGURED);
  }

  /** An embedded or test server on this machine, in clear. */
  public static PgLocation local(String host, int port, String database, String user, String password) {
    return new PgLocation(List.of(new Host(host, port)), database, user, password, PgTls.DISABLED, Target.ANY, null,
        "PostgreSQL on " + host + ":" + port);
  }

  public PgLocation withDatabase(String other) {
    return new PgLocation(hosts, other, user, password, tls, target, applicationName, origin);
  }

  /** Every host local, or every connection encrypted: what production insists on. */
  public boolean protectedInTransit() {
    return tls.mode().alwaysEncrypted() || hosts.stream().allMatch(Host::local);
  }

  /** For JDBC users (Flyway, start-up work): the whole host list, TLS and target as the URL says. */
  public PGSimpleDataSource dataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setServerNames(hosts.stream().map(Host::name).toArray(String[]::new));
    source.setPortNumbers(hosts.stream().mapToInt(Host::port).toArray());
    source.setDatabaseName(database);
    source.setUser(user);
    source.setPassword(password);
    source.setTargetServerType(target.pgjdbc);
    source.setApplicationName(applicationName == null ? "pingyi" : applicationName);
    tls.applyTo(source);
    return source;
  }

  /**
   * Blocking. A JDBC connection; one that cannot be made at all (no server answers, TLS refused or not trusted,
   * authentication failed) stops the start with the reason.
   */
  public Connection connect() throws SQLException {
    try {
      return dataSource().getConnection();
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("08") || state.startsWith("28")) {
        throw new ConfigException(origin + ": cannot connect to " + describe() + ": " + e.getMessage(), e);
      }
      throw e;
    }
  }

  /** Blocking. The host pgJDBC connects to: the first of the list that answers and matches the target. */
  public Host findServer() throws SQLException {
    try (Connection c = connect()) {
      HostSpec spec = c.unwrap(BaseConnection.class).getQueryExecutor().getHostSpec();
      return hosts.stream().filter(h -> h.is(spec)).findFirst()
          .orElseThrow(() -> new IllegalStateException("pgJDBC connected to " + spec + ", which is not in the URL"));
    }
  }

  /** For the Vert.x pool: one host, with the URL's database, role and TLS. */
  public PgConnectOptions connectOptions(Host host) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(host.name())
        .setPort(host.port())
        .setDatabase(database)
        .setUser(user)
        .setPassword(password)
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
    options.addProperty("application_name", applicationName == null ? "pingyi" : applicationName);
    tls.applyTo(options);
    return options;
  }

  /** For the start banner and messages: no password. */
  public String describe() {
    String list = hosts.stream().map(Host::toString).collect(Collectors.joining(","));
    return "postgresql://" + user + "@" + list + "/" + database + (tls.mode() == PgTls.Mode.DISABLE ? "" : "?sslmode=" + tls.mode().libpq());
  }

  @Override
  public String toString() {
    return describe();
  }
}
