package org.pingyi.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pingyi.support.TestEngine;

/**
 * No Docker engine runs here, so this checks what the stack is made of: every file compose.yaml mounts exists,
 * Prometheus scrapes exactly the engine services, and the image copies the jar this build makes.
 */
class ComposeStackTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyFileTheStackMountsIsInTheRepository() throws Exception {
    JsonNode compose = YAML.readTree(TestEngine.PROJECT.resolve("compose.yaml").toFile());
    List<String> mounts = new ArrayList<>();
    compose.get("services").fields().forEachRemaining(service -> {
      JsonNode volumes = service.getValue().get("volumes");
      if (volumes != null) {
        volumes.forEach(v -> {
          String source = v.asText().split(":")[0];
          if (source.startsWith("./")) {
            mounts.add(source);
          }
        });
      }
    });
    assertTrue(mounts.size() >= 4, mounts.toString());
    for (String mount : mounts) {
      assertTrue(Files.exists(TestEngine.PROJECT.resolve(mount)), "compose.yaml mounts a missing " + mount);
    }
  }

  @Test
  void prometheusScrapesTheEngineServicesOfTheStack() throws Exception {
    JsonNode compose = YAML.readTree(TestEngine.PROJECT.resolve("compose.yaml").toFile());
    Set<String> engines = new TreeSet<>();
    compose.get("services").fieldNames().forEachRemaining(name -> {
      if (name.startsWith("engine-")) {
        engines.add(name + ":8080");
      }
    });
    JsonNode scrape = YAML.readTree(TestEngine.PROJECT.resolve("config/prometheus/prometheus.yml").toFile());
    Set<String> targets = new TreeSet<>();
    scrape.get("scrape_configs").get(0).get("static_configs").get(0).get("targets").forEach(t -> targets.add(t.asText()));
    assertEquals(engines, targets);
    String nginx = Files.readString(TestEngine.PROJECT.resolve("config/nginx/nginx.conf"));
    engines.forEach(e -> assertTrue(nginx.contains("server " + e), "the load balancer routes to " + e));
    assertTrue(nginx.contains("location = /metrics {\n      return 404;"), "the public address does not serve /metrics");
  }

  @Test
  void theImageRunsTheJarThisBuildMakesAsANonRootUserWithAHealthCheck() throws Exception {
    String dockerfile = Files.readString(TestEngine.PROJECT.resolve("Dockerfile"));
    assertTrue(dockerfile.contains("engine/target/pingyi-engine.jar"));
    assertTrue(dockerfile.contains("USER pingyi"));
    String parent = Files.readString(TestEngine.PROJECT.resolve("pom.xml"));
    java.util.regex.Matcher module = java.util.regex.Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    while (module.find()) {
      assertTrue(dockerfile.contains("COPY " + module.group(1) + "/pom.xml"), "the build stage has every module's pom: " + module.group(1));
    }
    assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/health/ready"));
    String pom = Files.readString(TestEngine.PROJECT.resolve("engine/pom.xml"));
    assertTrue(pom.contains("<finalName>pingyi-engine</finalName>") && pom.contains("<mainClass>org.pingyi.Main</mainClass>"));
    assertTrue(Files.isDirectory(Path.of(TestEngine.PROJECT.toString(), "config", "grafana", "provisioning", "datasources")));
  }
}
