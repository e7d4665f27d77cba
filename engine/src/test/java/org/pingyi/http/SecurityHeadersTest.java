package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;

/** Every answer carries the security headers, errors included; pages have nothing the CSP would have to allow inline. */
class SecurityHeadersTest {
  static final Path WEB = TestEngine.PROJECT.resolve("engine/src/main/resources/web");
  static TestEngine engine;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static void assertHeaders(Api.Reply reply, String what) {
    assertEquals("nosniff", reply.header("X-Content-Type-Options"), what);
    assertEquals("no-referrer", reply.header("Referrer-Policy"), what);
    String csp = reply.header("Content-Security-Policy");
    assertTrue(csp != null && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
        && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), what + ": " + csp);
    assertNull(reply.header("Strict-Transport-Security"), what + ": no HSTS unless configured");
  }

  @Test
  void pagesStaticFilesApiAnswersAndRefusalsAllCarryTheHeaders() {
    Api api = engine.api();
    for (String page : List.of("/", "/console", "/app.js", "/app.css", "/console/main.js")) {
      Api.Reply reply = api.get(page);
      assertEquals(200, reply.status(), page);
      assertHeaders(reply, page);
    }
    assertHeaders(api.get("/api/v1/sessions"), "an API answer");
    assertHeaders(api.get("/health/ready"), "readiness");
    Map<String, Api.Reply> refusals = Map.of(
        "404", api.get("/api/v1/nothing-here"),
        "404 metrics", api.get("/metrics/"),
        "405", api.post("/api/v1/sessions", "{}", "Content-Type", "application/json"),
        "401", api.get("/api/v1/admin/sessions/econ1-2024/reconcile"),
        "413", api.post("/api/v1/sessions/econ1-2024/ballots", "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}",
            "Content-Type", "application/json"),
        "400", api.post("/api/v1/auth/face", "{not json", "Content-Type", "application/json"));
    refusals.forEach((what, reply) -> {
      assertTrue(reply.status() >= 400, what);
      assertHeaders(reply, what);
    });
    assertEquals("nosniff", engine.management().get("/metrics").header("X-Content-Type-Options"), "the management port too");
  }

  @Test
  void hstsIsSentOnlyWhenTheEngineIsConfiguredBehindTls() throws Exception {
    try (TestEngine tls = TestEngine.start(Map.of("http.hstsSeconds", "31536000"))) {
      for (String path : List.of("/", "/api/v1/sessions", "/api/v1/nothing-here")) {
        assertEquals("max-age=31536000; includeSubDomains", tls.api().get(path).header("Strict-Transport-Security"), path);
      }
    }
  }

  @Test
  void thePagesHaveNoInlineScriptNoInlineStyleAndNoInlineHandler() throws Exception {
    Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    Pattern inlineAttribute = Pattern.compile("\\s(style|on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);
    Pattern styleFromScript = Pattern.compile("setAttribute\\(\\s*[\"']style|\\.innerHTML|\\beval\\(|new Function\\(|[\"']style[\"']\\s*:|[{,]\\s*style\\s*:");
    try (Stream<Path> files = Files.walk(WEB)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file);
        String name = WEB.relativize(file).toString();
        if (name.endsWith(".html")) {
          assertFalse(inlineScript.matcher(text).find(), name + " has an inline script");
          assertFalse(inlineAttribute.matcher(text).find(), name + " has an inline style or handler attribute");
        } else if (name.endsWith(".js")) {
          assertFalse(styleFromScript.matcher(text).find(), name + " sets what the CSP forbids");
        }
      }
    }
  }
}
