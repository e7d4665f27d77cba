package org.pingyi.loadtest;

import java.nio.file.Path;

/** Writes the load test's provider key, JWKS, admin tokens and the engine's environment (engine.env) into a directory. */
public final class PrepareKeys {
  private PrepareKeys() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "loadtest/target/keys");
    FaceKeys.prepare(dir);
    System.out.println("start the engine with: source " + dir.resolve("engine.env").toAbsolutePath());
  }
}
