package org.pingyi.store;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Where PostgreSQL is, from a {@code postgresql://user:pass@host:port/db} URL; never printed with its password. */
public record PgLocation(String host, int port, String database, String user, String password) {

  public static PgLocation parse(String url) {
    URI uri = URI.create(url.replaceFirst("^postgres://", "postgresql://"));
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new PgLocation(uri.getHost() == null ? "localhost" : uri.getHost(),
        uri.getPort() < 0 ? 5432 : uri.getPort(), path.isEmpty() ? "postgres" : decode(path), user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public PgLocation withDatabase(String other) {
    return new PgLocation(host, port, other, user, password);
  }

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(host)
        .setPort(port)
        .setDatabase(database)
        .setUser(user)
        .setPassword(password)
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
  }

  /** For the start banner: no password. */
  public String describe() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }
}
