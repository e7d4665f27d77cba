package org.pingyi.store;

import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where Redis is, read by Lettuce's {@link RedisURI}: {@code redis://}, {@code rediss://} (TLS), and the sentinel forms
 * {@code redis-sentinel://[password@]h1:26379,h2:26379/0#mastername} (and {@code rediss-sentinel://}); or, for a Redis
 * Cluster ({@code cluster}), a comma-separated list of {@code redis://}/{@code rediss://} seed nodes. Lettuce reads
 * some malformed URLs without complaint (a bad port becomes part of the host name, an unknown parameter is dropped),
 * so those are refused here first. Described without any password.
 */
public record RedisLocation(String url, boolean cluster) {
  static final Set<String> SCHEMES = Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel");
  /** The query parameters Lettuce's URI applies. */
  static final Set<String> PARAMETERS = Set.of("timeout", "database", "db", "sentinelMasterId", "clientName",
      "libraryName", "libraryVersion", "verifyPeer");
  private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

  public RedisLocation(String url) {
    this(url, false);
  }

  /** @throws IllegalArgumentException saying what is wrong, never repeating the password */
  public static RedisLocation parse(String url, boolean cluster) {
    if (!cluster) {
      return parse(url);
    }
    List<String> seeds = List.of(url.split(",", -1));
    for (String seed : seeds) {
      RedisLocation node = parse(seed.trim());
      RedisURI uri = node.uri();
      if (!uri.getSentinels().isEmpty()) {
        throw new IllegalArgumentException("a cluster's seed nodes are redis:// or rediss:// URLs, not sentinels");
      }
      if (uri.getDatabase() != 0) {
        throw new IllegalArgumentException("a Redis Cluster has only database 0");
      }
    }
    return new RedisLocation(String.join(",", seeds.stream().map(String::trim).toList()), true);
  }

  /** @throws IllegalArgumentException saying what is wrong, never repeating the password */
  public static RedisLocation parse(String url) {
    int schemeEnd = url.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException("not a redis://, rediss://, redis-sentinel:// or rediss-sentinel:// URL");
    }
    String rest = url.substring(schemeEnd + 3);
    String authority = rest.split("[/?#]", 2)[0];
    String hosts = authority.substring(authority.lastIndexOf('@') + 1);
    for (String host : hosts.split(",", -1)) {
      if (!HOST_PORT.matcher(host).matches()) {
        throw new IllegalArgumentException("'" + host + "' is not a host[:port]");
      }
    }
    if (!scheme.endsWith("sentinel") && hosts.contains(",")) {
      throw new IllegalArgumentException("several hosts in one " + scheme + ":// URL: name sentinels with redis-sentinel://, "
          + "or a cluster's seed nodes as redis://h1:6379,redis://h2:6379 with redis.cluster (PINGYI_REDIS_CLUSTER) true");
    }
    int query = rest.indexOf('?');
    if (query >= 0) {
      String params = rest.substring(query + 1).split("#", 2)[0];
      for (String param : params.split("&")) {
        String name = param.split("=", 2)[0];
        if (!PARAMETERS.contains(name)) {
          throw new IllegalArgumentException("parameter '" + name + "' is not one Lettuce applies");
        }
      }
    }
    if (scheme.endsWith("sentinel") && !url.contains("#") && !url.contains("sentinelMasterId=")) {
      throw new IllegalArgumentException("a sentinel URL names the master: redis-sentinel://h1:26379,h2:26379/0#mymaster");
    }
    RedisURI uri;
    try {
      uri = RedisURI.create(url);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Lettuce cannot read it (" + e.getClass().getSimpleName() + ")");
    }
    if (scheme.endsWith("sentinel") && (uri.getSentinelMasterId() == null || uri.getSentinels().isEmpty())) {
      throw new IllegalArgumentException("a sentinel URL names the master: redis-sentinel://h1:26379,h2:26379/0#mymaster");
    }
    return new RedisLocation(url);
  }

  /** The one server or sentinel group (not a cluster). */
  public RedisURI uri() {
    if (cluster) {
      throw new IllegalStateException("a cluster has seed nodes, not one URI");
    }
    return RedisURI.create(url);
  }

  /** A cluster's seed nodes; the one URI otherwise. */
  public List<RedisURI> seeds() {
    return cluster ? List.of(url.split(",")).stream().map(RedisURI::create).toList() : List.of(RedisURI.create(url));
  }

  /** Every connection encrypted (rediss), or every server on this machine. */
  public boolean protectedInTransit() {
    return seeds().stream().allMatch(RedisURI::isSsl) || servers().stream().allMatch(RedisLocation::local);
  }

  /** The servers the URL names: the Redis server, the sentinels, or a cluster's seed nodes. */
  List<String> servers() {
    List<String> hosts = new ArrayList<>();
    for (RedisURI uri : seeds()) {
      if (uri.getSentinels().isEmpty()) {
        hosts.add(uri.getHost());
      } else {
        uri.getSentinels().forEach(s -> hosts.add(s.getHost()));
      }
    }
    return hosts;
  }

  private static boolean local(String host) {
    String name = host.replace("[", "").replace("]", "");
    return name.equals("localhost") || name.startsWith("127.") || name.equals("::1");
  }

  public String describe() {
    String seeds = String.join(",", seeds().stream().map(u -> u.toString().replaceAll("//[^@/]*@", "//")).toList());
    return cluster ? "cluster " + seeds : seeds;
  }
}
