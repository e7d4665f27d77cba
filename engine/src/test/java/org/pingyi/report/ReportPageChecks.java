package org.pingyi.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.pingyi.edition.Edition;
import org.pingyi.support.Api;

/** ReportTest's checks of the printable page: a section per group with its chain root, and its own style policy. */
final class ReportPageChecks {
  private ReportPageChecks() {}

  static void htmlHasEveryGroupAndChainRoot(String html, Edition edition, Api api) {
    for (Edition.Session session : edition.sessions()) {
      assertTrue(html.contains("<section class=\"ranking\" id=\"group-" + session.group() + "\" data-session=\"" + session.id() + "\">"),
          "a section for " + session.group());
      String chainRoot = api.get("/api/v1/sessions/" + session.id() + "/results").json().getString("chainRoot");
      assertTrue(html.contains(chainRoot), "the chain root of " + session.id());
    }
    for (String id : List.of("turnout", "survey", "suggestions", "verification")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
    assertTrue(html.contains(ReportWords.SUPPRESSED), "small cells are suppressed in the page too");
    assertFalse(html.contains("<script"), "no script at all");
    assertFalse(html.contains("style=\""), "no style attribute");
    assertFalse(html.contains("演示代表"), "no representative's name");
  }

  /** The page's one style element is allowed by its hash, and nothing else is: no script, no inline attribute. */
  static void htmlIsStyledUnderItsOwnPolicy(String html, String csp) throws Exception {
    String style = html.substring(html.indexOf("<style>") + "<style>".length(), html.indexOf("</style>"));
    String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
    assertTrue(csp.contains("style-src 'sha256-" + hash + "'"), csp);
    assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(csp.contains("unsafe-inline") || csp.contains("script-src"), csp);
    assertTrue(style.contains("@page") && style.contains("A4"), "printed on A4");
  }

}
