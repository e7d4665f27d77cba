package org.pingyi.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pingyi.store.FreePort;

/**
 * Debian's nginx running the project's config/nginx/nginx.conf, rewritten only in its upstream addresses (each
 * {@code server <name>:8080} line in turn becomes one of the given engines) and its listen port, with pid, logs and
 * the prefix in a temp directory of its own.
 */
public final class Nginx implements AutoCloseable {
  public static final Path CONFIG = TestEngine.PROJECT.resolve("config/nginx/nginx.conf");
  private static final Pattern UPSTREAM = Pattern.compile("server\\s+[A-Za-z0-9_.-]+:8080");
  private static final Pattern LISTEN = Pattern.compile("listen\\s+8080");

  private final Process process;
  private final int port;
  private final Path dir;

  private Nginx(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  public static String binary() {
    for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException("Debian's nginx is not installed (.ci/test-tools.sh installs it)");
  }

  /** The project's config with its upstreams pointed at these engine ports and its listener at {@code port}. */
  public static String rewrite(String config, List<Integer> enginePorts, int port) {
    Matcher upstream = UPSTREAM.matcher(config);
    StringBuilder out = new StringBuilder();
    int n = 0;
    while (upstream.find()) {
      // The config lists the compose stack's engines; a test that starts fewer drops the other lines.
      upstream.appendReplacement(out, n < enginePorts.size() ? "server 127.0.0.1:" + enginePorts.get(n) : "# (not started)");
      n++;
    }
    upstream.appendTail(out);
    if (n < enginePorts.size()) {
      throw new IllegalArgumentException("nginx.conf names " + n + " engines, the test started " + enginePorts.size());
    }
    Matcher listen = LISTEN.matcher(out);
    if (!listen.find()) {
      throw new IllegalArgumentException("nginx.conf has no 'listen 8080'");
    }
    return listen.replaceFirst("listen 127.0.0.1:" + port);
  }

  public static Nginx start(List<Integer> enginePorts) throws Exception {
    int port = FreePort.find();
    Path dir = Files.createTempDirectory("pingyi-nginx");
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(conf, rewrite(Files.readString(CONFIG), enginePorts, port));
    String global = "daemon off; pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("error.log") + " notice;";
    Process process = new ProcessBuilder(binary(), "-p", dir.toString(), "-c", conf.toString(), "-g", global)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("access.log").toFile())
        .start();
    Nginx nginx = new Nginx(process, port, dir);
    try {
      ServerProcess.awaitReady("nginx", process, () -> accepts(port), Duration.ofSeconds(10), dir.resolve("error.log"));
    } catch (Exception e) {
      nginx.close();
      throw e;
    }
    return nginx;
  }

  private static boolean accepts(int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (java.io.IOException notYet) {
      return false;
    }
  }

  public int port() {
    return port;
  }

  public Api api() {
    return new Api(port);
  }

  /** File descriptors the nginx processes (master and workers) hold right now: one per connection, and a few more. */
  public long openFiles() {
    return OpenFiles.of(process.toHandle());
  }

  public String errorLog() {
    return ServerProcess.read(dir.resolve("error.log"));
  }

  public Path accessLog() {
    return dir.resolve("access.log");
  }

  /** SIGTERM: nginx's fast shutdown, which closes every held stream. */
  @Override
  public void close() throws Exception {
    ServerProcess.stop(process, dir);
  }
}
