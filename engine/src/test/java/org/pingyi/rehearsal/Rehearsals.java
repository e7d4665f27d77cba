package org.pingyi.rehearsal;

import java.util.Map;
import java.util.TreeMap;
import org.pingyi.config.ConfigLoader;
import org.pingyi.config.EngineConfig;
import org.pingyi.support.TestEngine;

/** The rehearsal tests' way to what the rehearse command does: the deployment's servers, the rehearsal laid over them. */
final class Rehearsals {
  private Rehearsals() {}

  /** The rehearse command's configuration beside {@code real}, on free ports, with a synthetic roster of that size. */
  static EngineConfig configOf(TestEngine real, int representatives) throws Exception {
    EngineConfig deployment = real.engine().config();
    Map<String, String> values = new TreeMap<>();
    values.put("postgres.url", deployment.pgUrl().orElseThrow());
    values.put("postgres.migrationUrl", deployment.pgMigrationUrl().orElseThrow());
    values.put("postgres.poolSize", "8");
    values.put("redis.url", deployment.redisUrl().orElseThrow());
    values.put("edition", deployment.edition().toString());
    values.put("dataDir", deployment.dataDir().toString());
    values.put("http.warmUpBallots", "0");
    return ConfigLoader.forRehearsal(RehearsalSetup.prepare(values, new RehearsalSetup.Options(0, 0, representatives, 7)));
  }
}
