package org.pingyi.loadtest;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Open-model ramp of arriving representatives (sign in and vote) from 10/s to pingyi.ceilingPerSecond over
 * pingyi.ceilingSeconds. The assertions mark where it breaks: p99 above 1 s or any error; the HTML report's
 * percentiles-over-time chart shows when. Nothing may be lost even past the ceiling: verified like the other runs.
 * Everyone arriving votes once, so the feeder holds as many representatives as the ramp brings, and a roster too
 * small for the ramp stops the run before it starts instead of running dry halfway up.
 */
public class Ceiling extends VerifiedSimulation {
  static final int START_PER_SECOND = 10;

  {
    OpenInjectionStep ramp = rampUsersPerSec(START_PER_SECOND).to(settings.ceilingPerSecond())
        .during(Duration.ofSeconds(settings.ceilingSeconds()));
    setUp(scenario("Ceiling")
        .feed(listFeeder(representatives(arrivals(ramp))))
        .exec(NightChains.signIn(keys, settings.session()))
        .exec(NightChains.vote(settings))
        .injectOpen(ramp))
        .protocols(NightChains.protocol(settings))
        .assertions(global().responseTime().percentile(99.0).lt(1000), global().failedRequests().count().is(0L));
  }

  /** How many users the injection step starts, as Gatling itself counts them. */
  static int arrivals(OpenInjectionStep step) {
    return Math.toIntExact(step.asScala().users());
  }

  private List<Map<String, Object>> representatives(int arrivals) {
    try {
      return Representatives.active(settings.roster(), arrivals);
    } catch (IllegalStateException tooFew) {
      throw new IllegalStateException("Ceiling's ramp (" + START_PER_SECOND + "/s to " + settings.ceilingPerSecond() + "/s over "
          + settings.ceilingSeconds() + " s) brings " + arrivals + " representatives who each vote once; " + tooFew.getMessage()
          + ". Draw a larger roster (roster generate --size " + arrivals + ") or lower pingyi.ceilingPerSecond / pingyi.ceilingSeconds.",
          tooFew);
    }
  }
}
