package org.pingyi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.pingyi.auth.AdminRole;
import org.pingyi.edition.Edition;

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
    if (config.rehearsal()) {
      out.println();
      out.println("  *** DRESS REHEARSAL (演练): synthetic roster and phones, its own database and Redis namespace, its own");
      out.println("  *** keys; nothing here touches a real ballot. Console: http://localhost:" + engine.httpPort()
          + "/console#/rehearsal  Remove it with the console's reset or 'rehearsal reset'.");
    }
    if (config.demoMode()) {
      out.println();
      out.println("  !!! DEMO MODE: no face-auth provider is configured. The built-in development provider signs");
      out.println("  !!! ID tokens for any roster representative or made-up citizen. Never use this for a real evaluation.");
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
    var departments = engine.adminTokens().demoDepartmentTokens();
    if (!departments.isEmpty()) {
      Path file = config.dataDir().resolve("demo-department-tokens.txt").toAbsolutePath().normalize();
      String first = departments.keySet().iterator().next();
      out.println("    " + String.format("%-9s", "department:" + first) + " " + departments.get(first));
      out.println("  Every department's token (role department:<code>, " + departments.size() + "): " + write(file, engine, departments));
    }
    out.println(line);
    out.flush();
  }

  /** The department tokens, one "code name token" a line, readable by the owner only where the file system allows. */
  private static String write(Path file, Engine engine, Map<String, String> tokens) {
    StringBuilder text = new StringBuilder("# Demo department tokens for this run only: code, department, token\n");
    tokens.forEach((code, token) -> text.append(code).append(' ')
        .append(engine.edition().department(code).map(Edition.Department::name).orElse("")).append(' ').append(token).append('\n'));
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file.toString();
    } catch (IOException e) {
      return "not written (" + e.getMessage() + ")";
    }
  }

  private static String pad(AdminRole role) {
    return String.format("%-9s", role.name());
  }
}
