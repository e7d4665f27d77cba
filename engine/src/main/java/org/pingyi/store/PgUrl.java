package org.pingyi.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Reads libpq's connection URL, {@code postgresql://[user[:password]@]host[:port][,host[:port]…][/dbname][?param=value&…]}.
 * The user part is split off and percent-decoded here; the host list, database and parameters go to pgJDBC's own URL
 * parser ({@link Driver#parseURL}), which knows multi-host lists, IPv6 brackets and percent escapes. Whatever the
 * engine could not honour (a parameter it does not apply, an sslmode without a root certificate to verify against, a
 * URL without a host) is refused with the reason; nothing falls back to a default server.
 */
public final class PgUrl {
  /** The parameters the engine applies to its Vert.x pool and to every JDBC connection alike. */
  static final Set<String> PARAMETERS = Set.of("sslmode", "sslrootcert", "target_session_attrs", "application_name",
      "user", "password");
  private static final Pattern SCHEME = Pattern.compile("(?i)^postgres(ql)?://");
  private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

  private PgUrl() {}

  /** @throws IllegalArgumentException saying what is wrong, never repeating the password */
  public static PgLocation parse(String url, String origin) {
    if (url == null || !SCHEME.matcher(url).find()) {
      throw new IllegalArgumentException("not a postgresql:// URL");
    }
    if (url.indexOf('#') >= 0) {
      throw new IllegalArgumentException("a PostgreSQL URL has no #fragment (percent-encode '#' in a password as %23)");
    }
    String rest = url.substring(url.indexOf("://") + 3);
    int authorityEnd = firstOf(rest, '/', '?');
    String authority = rest.substring(0, authorityEnd);
    String tail = rest.substring(authorityEnd);
    // libpq: the user part ends at the first '@'; an '@' inside a password must be written %40.
    int at = authority.indexOf('@');
    String user = null;
    String password = null;
    if (at >= 0) {
      String[] credentials = authority.substring(0, at).split(":", 2);
      user = decode(credentials[0], "user name");
      password = credentials.length > 1 ? decode(credentials[1], "password") : null;
    }
    String hostList = authority.substring(at + 1);
    if (hostList.isEmpty()) {
      throw new IllegalArgumentException("the URL names no host (a socket directory or a default host is not used)");
    }
    for (String host : hostList.split(",", -1)) {
      var matcher = HOST_PORT.matcher(host);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("'" + host + "' is not a host[:port] (list hosts as h1:5432,h2:5432)");
      }
      if (matcher.group(2) != null && !validPort(Integer.parseInt(matcher.group(2).substring(1)))) {
        throw new IllegalArgumentException("port " + matcher.group(2).substring(1) + " is out of range");
      }
    }
    if (!tail.startsWith("/")) {
      tail = "/" + tail;
    }
    int query = tail.indexOf('?');
    if (query >= 0) {
      for (String param : tail.substring(query + 1).split("&")) {
        String name = param.split("=", 2)[0];
        if (!PARAMETERS.contains(name)) {
          throw new IllegalArgumentException("parameter '" + name + "' is not one the engine applies (it applies "
              + String.join(", ", PARAMETERS.stream().sorted().toList()) + ")");
        }
      }
    }
    // pgJDBC decodes like a form ('+' as a space); libpq keeps '+', so it reaches pgJDBC escaped.
    Properties parsed = Driver.parseURL("jdbc:postgresql://" + hostList + tail.replace("+", "%2B"), new Properties());
    if (parsed == null) {
      throw new IllegalArgumentException("hosts, ports or percent-escapes are malformed");
    }
    Map<String, String> params = new TreeMap<>();
    PARAMETERS.forEach(name -> {
      if (parsed.getProperty(name) != null) {
        params.put(name, parsed.getProperty(name));
      }
    });
    user = params.getOrDefault("user", user == null || user.isEmpty() ? "postgres" : user);
    password = params.getOrDefault("password", password == null ? "" : password);
    String database = parsed.getProperty("PGDBNAME", "");
    return new PgLocation(hosts(parsed), database.isEmpty() ? user : database, user, password, tls(params),
        target(params.get("target_session_attrs")), params.get("application_name"), origin);
  }

  private static List<PgLocation.Host> hosts(Properties parsed) {
    String[] names = parsed.getProperty("PGHOST").split(",", -1);
    String[] ports = parsed.getProperty("PGPORT").split(",", -1);
    List<PgLocation.Host> hosts = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      String name = names[i].startsWith("[") ? names[i].substring(1, names[i].length() - 1) : names[i];
      hosts.add(new PgLocation.Host(name, ports[i].isEmpty() ? 5432 : Integer.parseInt(ports[i])));
    }
    return List.copyOf(hosts);
  }

  private static PgTls tls(Map<String, String> params) {
    PgTls.Mode mode;
    try {
      mode = PgTls.Mode.fromLibpq(params.getOrDefault("sslmode", "prefer"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sslmode '" + params.get("sslmode") + "' is not one of disable, allow, prefer, "
          + "require, verify-ca, verify-full");
    }
    String rootCert = params.get("sslrootcert");
    if (rootCert != null && !PgTls.SYSTEM_ROOTS.equals(rootCert) && !Files.isReadable(Path.of(rootCert))) {
      throw new IllegalArgumentException("sslrootcert: cannot read " + rootCert);
    }
    if (mode.verifiesCa() && rootCert == null) {
      throw new IllegalArgumentException("sslmode=" + mode.libpq() + " needs sslrootcert=<CA file> (or sslrootcert=system "
          + "for the JVM's trusted authorities) to verify the server against");
    }
    // libpq: require with a root certificate verifies the chain, as verify-ca does.
    if (mode == PgTls.Mode.REQUIRE && rootCert != null) {
      mode = PgTls.Mode.VERIFY_CA;
    }
    return new PgTls(mode, Optional.ofNullable(rootCert));
  }

  private static PgLocation.Target target(String value) {
    if (value == null || value.equals("any")) {
      return PgLocation.Target.ANY;
    }
    if (value.equals("read-write") || value.equals("primary")) {
      return PgLocation.Target.READ_WRITE;
    }
    throw new IllegalArgumentException("target_session_attrs '" + value + "': the engine writes, so only any, read-write "
        + "or primary");
  }

  /** Percent-decoding as in RFC 3986 (a '+' stays a '+'); a malformed escape is refused. */
  private static String decode(String raw, String what) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + what + " has a malformed percent-escape");
    }
  }

  private static boolean validPort(int port) {
    return port >= 1 && port <= 65535;
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? (j < 0 ? s.length() : j) : (j < 0 ? i : Math.min(i, j));
  }
}
