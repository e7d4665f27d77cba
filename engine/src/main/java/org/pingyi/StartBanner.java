package org.pingyi;

import java.io.PrintStream;
import org.pingyi.auth.AdminRole;

/**
 * What a person starting the engine needs to read once: where it listens, which servers it uses, whether it is in
 * demo mode, and in demo mode the admin tokens of this run. It goes to the terminal, not to the log, so the
 * tokens never end up in shipped logs.
 */
public final class StartBanner {
  private StartBanner() {}

  public static void print(Engine engine, PrintStream out) {
    var config = engine.config();
    String line = "=".repeat(78);
    out.println(line);
    out.println("Pingyi engine — " + engine.edition().name() + " (" + engine.edition().id() + ")");
    out.println("  listening   http://localhost:" + engine.httpPort() + "/  (API under /api/v1, readiness at /health/ready)");
    out.println("  management  http://localhost:" + engine.managementPort() + "/metrics  (and /health/*; keep this port off the public network)");
    out.println("  PostgreSQL  " + engine.backends().postgres().describe()
        + (config.embeddedPostgres() ? "  [embedded, data in " + config.dataDir().resolve("postgres").toAbsolutePath().normalize() + "]" : "  [external]"));
    out.println("  Redis       " + engine.backends().redis().describe()
        + (config.embeddedRedis() ? "  [embedded, data in " + config.dataDir().resolve("redis").toAbsolutePath().normalize() + "]" : "  [external]"));
    out.println("  profile     " + config.profile().name().toLowerCase());
    if (config.demoMode()) {
      out.println();
      out.println("  !!! DEMO MODE: no face-auth provider is configured. The built-in development provider signs");
      out.println("  !!! ID tokens for any roster representative. Never use this for a real evaluation.");
    } else {
      out.println("  face-auth   issuer " + config.faceAuth().get().issuer());
    }
    if (!engine.adminTokens().demoTokens().isEmpty()) {
      out.println();
      out.println("  Admin tokens for this run only (set PINGYI_ADMIN_TOKENS to use your own):");
      for (var entry : engine.adminTokens().demoTokens().entrySet()) {
        out.println("    " + pad(entry.getKey()) + " " + entry.getValue());
      }
    }
    out.println(line);
    out.flush();
  }

  private static String pad(AdminRole role) {
    return String.format("%-9s", role.name());
  }
}
