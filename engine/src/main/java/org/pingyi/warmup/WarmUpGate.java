package org.pingyi.warmup;

import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Whether this instance has warmed its ballot path yet, and which requests are the warm-up's own: they carry a
 * secret made at start, so nothing from outside can pass for one. Until the warm-up is done readiness answers 503
 * (the balancer sends no phone here); its requests are left out of the ballot metrics and the access log.
 */
public final class WarmUpGate {
  public static final String HEADER = "X-Pingyi-Warm-Up";

  private final String secret;
  private volatile boolean done;

  public WarmUpGate() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    this.secret = HexFormat.of().formatHex(bytes);
  }

  /** A gate that is open from the start: no warm-up configured. */
  public static WarmUpGate open() {
    WarmUpGate gate = new WarmUpGate();
    gate.done = true;
    return gate;
  }

  public boolean done() {
    return done;
  }

  void finish() {
    done = true;
  }

  String secret() {
    return secret;
  }

  /** True for the warm-up's own requests. */
  public boolean isWarmUp(RoutingContext ctx) {
    return !done && secret.equals(ctx.request().getHeader(HEADER));
  }
}
