package org.pingyi.support;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pingyi.store.FreePort;

/**
 * Debian's prometheus running the project's config/prometheus/prometheus.yml (and the alert rules it names),
 * rewritten only in its scrape targets, with its TSDB in a temp directory and an hour's retention.
 */
public final class PrometheusServer implements AutoCloseable {
  public static final Path CONFIG_DIR = TestEngine.PROJECT.resolve("config/prometheus");
  private static final Pattern TARGETS = Pattern.compile("targets:\\s*\\[[^\\]]*\\]");

  private final Process process;
  private final Api api;
  private final Path dir;

  private PrometheusServer(Process process, int port, Path dir) {
    this.process = process;
    this.api = new Api(port);
    this.dir = dir;
  }

  /** The project's scrape config with its one target list replaced by these host:port pairs. */
  public static String rewrite(String config, List<String> targets) {
    Matcher m = TARGETS.matcher(config);
    if (!m.find()) {
      throw new IllegalArgumentException("prometheus.yml has no targets: [...] list");
    }
    String list = "targets: [" + String.join(", ", targets.stream().map(t -> "\"" + t + "\"").toList()) + "]";
    String rewritten = m.replaceFirst(Matcher.quoteReplacement(list));
    if (TARGETS.matcher(rewritten).results().count() != 1) {
      throw new IllegalArgumentException("prometheus.yml has more than one target list");
    }
    return rewritten;
  }

  public static PrometheusServer start(List<String> targets) throws Exception {
    int port = FreePort.find();
    Path dir = Files.createTempDirectory("pingyi-prometheus");
    Files.writeString(dir.resolve("prometheus.yml"), rewrite(Files.readString(CONFIG_DIR.resolve("prometheus.yml")), targets));
    Files.copy(CONFIG_DIR.resolve("alerts.yml"), dir.resolve("alerts.yml"));
    Process process = new ProcessBuilder("prometheus",
        "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--storage.tsdb.retention.time=1h",
        "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
    PrometheusServer prometheus = new PrometheusServer(process, port, dir);
    try {
      ServerProcess.awaitReady("prometheus", process, () -> prometheus.api.get("/-/ready").status() == 200,
          Duration.ofSeconds(30), dir.resolve("prometheus.log"));
    } catch (Exception e) {
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  /** An instant query through the HTTP API: the whole answer ({"status","data":{"resultType","result"}} or an error). */
  public JsonObject query(String promql) {
    Api.Reply reply = api.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    return reply.json();
  }

  /** The rules Prometheus evaluates, with each one's health and last error. */
  public JsonObject rules() {
    return api.get("/api/v1/rules").json();
  }

  public JsonObject targets() {
    return api.get("/api/v1/targets").json();
  }

  public String log() {
    return ServerProcess.read(dir.resolve("prometheus.log"));
  }

  @Override
  public void close() throws Exception {
    ServerProcess.stop(process, dir);
  }
}
