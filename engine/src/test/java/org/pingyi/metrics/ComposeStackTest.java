package org.pingyi.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingyi.config.ConfigLoader;
import org.pingyi.support.TestEngine;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so this checks what the stack is made of: every file compose mounts exists, every
 * variable the engine reads is passed through, production is the default, Prometheus scrapes the engines'
 * management ports, nothing unauthenticated is published, the demo override has what the base requires, and the
 * image runs the jar this build makes.
 */
class ComposeStackTest {
  static final Path PROJECT = TestEngine.PROJECT;

  /** A YAML file as compose reads it: SnakeYAML resolves the anchors (x-engine) that Jackson's YAML reader does not. */
  static JsonNode compose(String file) throws Exception {
    try (var reader = Files.newBufferedReader(PROJECT.resolve(file))) {
      return new ObjectMapper().valueToTree(new Yaml().load(reader));
    }
  }

  static Set<String> engineServices(JsonNode compose) {
    Set<String> engines = new TreeSet<>();
    compose.get("services").fieldNames().forEachRemaining(name -> {
      if (name.startsWith("engine-")) {
        engines.add(name);
      }
    });
    return engines;
  }

  static JsonNode engineEnvironment() throws Exception {
    return compose("compose.yaml").get("services").get("engine-1").get("environment");
  }

  @Test
  void everyFileTheStackMountsIsInTheRepository() throws Exception {
    List<String> mounts = new ArrayList<>();
    for (String file : List.of("compose.yaml", "compose.demo.yaml")) {
      compose(file).get("services").fields().forEachRemaining(service -> service.getValue().path("volumes").forEach(v -> {
        String source = v.asText().split(":")[0];
        if (source.startsWith("./")) {
          mounts.add(source);
        }
      }));
    }
    assertTrue(mounts.size() >= 4, mounts.toString());
    mounts.add(demoEnv().getProperty("PINGYI_SECRETS_DIR"));
    for (String mount : mounts) {
      assertTrue(Files.exists(PROJECT.resolve(mount)), "the stack mounts a missing " + mount);
    }
  }

  @Test
  void everyVariableTheEngineReadsIsPassedThroughToBothEngines() throws Exception {
    Set<String> variables = new TreeSet<>(engineKeys().values());
    Matcher documented = Pattern.compile("PINGYI_[A-Z0-9_]+").matcher(Files.readString(PROJECT.resolve("config/engine.yaml")));
    while (documented.find()) {
      variables.add(documented.group());
    }
    assertTrue(variables.contains("PINGYI_SMS_GATEWAY_URL") && variables.contains("PINGYI_MANAGEMENT_PORT"), variables.toString());
    JsonNode compose = compose("compose.yaml");
    for (String engine : engineServices(compose)) {
      JsonNode environment = compose.get("services").get(engine).get("environment");
      Set<String> missing = new TreeSet<>(variables);
      environment.fieldNames().forEachRemaining(missing::remove);
      assertEquals(Set.of(), missing, engine + " passes every PINGYI_* variable through");
    }
  }

  @Test
  void theStackAndTheImageRunProductionByDefaultAndTheDemoOverrideHasWhatTheBaseRequires() throws Exception {
    assertEquals("${PINGYI_PROFILE:-production}", engineEnvironment().get("PINGYI_PROFILE").asText());
    assertTrue(engineEnvironment().get("PINGYI_PG_URL").asText().startsWith("${PINGYI_PG_URL:?"),
        "production never falls back to an embedded PostgreSQL inside a container");
    assertTrue(engineEnvironment().get("PINGYI_REDIS_URL").asText().startsWith("${PINGYI_REDIS_URL:?"));
    assertTrue(Files.readString(PROJECT.resolve("Dockerfile")).contains("PINGYI_PROFILE=production"));

    Properties demo = demoEnv();
    assertEquals("development", demo.getProperty("PINGYI_PROFILE"));
    Matcher required = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(Files.readString(PROJECT.resolve("compose.yaml")));
    while (required.find()) {
      assertTrue(demo.containsKey(required.group(1)), "compose.demo.env sets " + required.group(1));
    }
    JsonNode override = compose("compose.demo.yaml").get("services");
    assertEquals(engineServices(compose("compose.yaml")), engineServices(compose("compose.demo.yaml")));
    assertTrue(override.has("postgres") && override.has("redis"));
    assertTrue(demo.getProperty("PINGYI_PG_URL").contains("@postgres:") && demo.getProperty("PINGYI_REDIS_URL").contains("//redis:"));
  }

  @Test
  void composeItselfAcceptsTheDemoCommandAndRefusesProductionWithoutTheCitysServers() throws Exception {
    String demo = dockerCompose(0, "--env-file", "compose.demo.env", "-f", "compose.yaml", "-f", "compose.demo.yaml", "config");
    assertTrue(demo.contains("PINGYI_PROFILE: development") && demo.contains("postgres:5432"), demo);
    String production = dockerCompose(1, "-f", "compose.yaml", "config");
    assertTrue(production.contains("set PINGYI_PG_URL to the city's PostgreSQL"), production);
  }

  private static String dockerCompose(int exitCode, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker-compose"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("PINGYI_") || k.startsWith("GRAFANA_") || k.startsWith("COMPOSE_"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(exitCode, process.waitFor(), output);
    return output;
  }

  @Test
  void prometheusScrapesEachEngineOnItsManagementPortAndTheBalancerRoutesToItsPublicPort() throws Exception {
    JsonNode environment = engineEnvironment();
    String management = environment.get("PINGYI_MANAGEMENT_PORT").asText();
    String http = environment.get("PINGYI_HTTP_PORT").asText();
    Set<String> engines = engineServices(compose("compose.yaml"));
    Set<String> targets = new TreeSet<>();
    compose("config/prometheus/prometheus.yml").get("scrape_configs").get(0).get("static_configs").get(0).get("targets")
        .forEach(t -> targets.add(t.asText()));
    assertEquals(new TreeSet<>(engines.stream().map(e -> e + ":" + management).toList()), targets);
    String nginx = Files.readString(PROJECT.resolve("config/nginx/nginx.conf"));
    engines.forEach(e -> assertTrue(nginx.contains("server " + e + ":" + http + " "), "the load balancer routes to " + e));
    assertTrue(nginx.contains("location ^~ /metrics {"), "the public address refuses /metrics with any suffix");
  }

  @Test
  void nothingWithoutAuthenticationIsPublishedBeyondThisHost() throws Exception {
    JsonNode services = compose("compose.yaml").get("services");
    for (String engine : engineServices(compose("compose.yaml"))) {
      assertFalse(services.get(engine).has("ports"), engine + " is reached through the balancer and Prometheus only");
    }
    for (JsonNode port : services.get("prometheus").get("ports")) {
      assertTrue(port.asText().startsWith("127.0.0.1:"), "Prometheus has no login: loopback only, not " + port.asText());
    }
    JsonNode grafana = services.get("grafana").get("environment");
    assertEquals("false", grafana.get("GF_AUTH_ANONYMOUS_ENABLED").asText(), "Grafana has no anonymous access");
    assertTrue(grafana.get("GF_SECURITY_ADMIN_PASSWORD").asText().matches("\\$\\{[A-Z_]+:\\?.*\\}"),
        "Grafana's admin password comes from the environment, with no default");
    services.fields().forEachRemaining(service -> service.getValue().path("ports").forEach(port -> {
      String published = port.asText();
      boolean monitoring = published.endsWith(":9090") || published.endsWith(":3000");
      assertTrue(!monitoring || service.getKey().equals("grafana") || published.startsWith("127.0.0.1:"),
          service.getKey() + " publishes " + published);
    }));
    String nofile = services.get("lb").get("ulimits").get("nofile").get("hard").asText();
    Matcher wanted = Pattern.compile("worker_rlimit_nofile (\\d+);").matcher(Files.readString(PROJECT.resolve("config/nginx/nginx.conf")));
    assertTrue(wanted.find());
    assertTrue(Long.parseLong(nofile) >= Long.parseLong(wanted.group(1)), "the balancer may open the files its config asks for");
  }

  @Test
  void theImageRunsTheJarThisBuildMakesAsANonRootUserWithAHealthCheckOnTheManagementPort() throws Exception {
    String dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
    assertTrue(dockerfile.contains("engine/target/pingyi-engine.jar"));
    assertTrue(dockerfile.contains("USER pingyi"));
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(PROJECT.resolve("pom.xml")));
    while (module.find()) {
      assertTrue(dockerfile.contains("COPY " + module.group(1) + "/pom.xml"), "the build stage has every module's pom: " + module.group(1));
    }
    assertTrue(dockerfile.contains("EXPOSE 8080 8081"));
    assertTrue(dockerfile.contains("PINGYI_MANAGEMENT_PORT=8081"));
    assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("localhost:${PINGYI_MANAGEMENT_PORT}/health/ready"));
    String pom = Files.readString(PROJECT.resolve("engine/pom.xml"));
    assertTrue(pom.contains("<finalName>pingyi-engine</finalName>") && pom.contains("<mainClass>org.pingyi.Main</mainClass>"));
    assertTrue(Files.isDirectory(PROJECT.resolve("config/grafana/provisioning/datasources")));
  }

  private static Properties demoEnv() throws Exception {
    Properties demo = new Properties();
    try (var reader = Files.newBufferedReader(PROJECT.resolve("compose.demo.env"))) {
      demo.load(reader);
    }
    return demo;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> engineKeys() throws Exception {
    Field keys = ConfigLoader.class.getDeclaredField("KEYS");
    keys.setAccessible(true);
    return (Map<String, String>) keys.get(null);
  }
}
