package org.pingyi.loadtest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.auth.AccessTokens;
import org.pingyi.support.TestEngine;

/**
 * For the saturation run only: engine access tokens for the first N active representatives, minted with the
 * engine's access-token key file, one per line, so the HTTP driver spends no time on logins. Arguments: JDBC URL,
 * count, output file, key file.
 */
public final class MintAccessTokens {
  private MintAccessTokens() {}

  public static void main(String[] args) throws Exception {
    String jdbc = args[0];
    int count = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    AccessTokens tokens = TestEngine.accessTokensFrom(Path.of(args[3]));
    List<String> lines = new ArrayList<>();
    try (var c = DriverManager.getConnection(jdbc, "postgres", "")) {
      var reps = c.prepareStatement("SELECT id FROM representatives WHERE status = 'active' ORDER BY id LIMIT ?");
      reps.setInt(1, count);
      var rs = reps.executeQuery();
      while (rs.next()) {
        lines.add(tokens.issue(rs.getString(1), Instant.now().plusSeconds(3600)));
      }
    }
    Files.write(out, lines);
  }
}
