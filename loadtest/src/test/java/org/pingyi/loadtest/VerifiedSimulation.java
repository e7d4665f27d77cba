package org.pingyi.loadtest;

import io.gatling.javaapi.core.Simulation;

/**
 * A simulation whose run is checked afterwards: the session is opened if needed before the load, and after it the
 * 201s seen must equal the ballots stored and the live count, with reconcile consistent (see {@link Verification}).
 */
abstract class VerifiedSimulation extends Simulation {
  protected final LoadSettings settings = LoadSettings.fromSystemProperties();
  protected final FaceKeys keys = FaceKeys.load(settings.keys());
  private final Verification verification = new Verification(settings.baseUrl(), settings.session(), keys.auditor());

  @Override
  public void before() {
    try {
      new EngineApi(settings.baseUrl()).ensureOpen(settings.session(), keys.operator());
      verification.before();
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the engine at " + settings.baseUrl(), e);
    }
  }

  @Override
  public void after() {
    try {
      verification.after();
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
