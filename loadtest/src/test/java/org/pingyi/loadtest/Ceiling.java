package org.pingyi.loadtest;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;

/**
 * Open-model ramp of arriving representatives (sign in and vote) from 10/s to pingyi.ceilingPerSecond over
 * pingyi.ceilingSeconds. The assertions mark where it breaks: p99 above 1 s or any error; the HTML report's
 * percentiles-over-time chart shows when. Nothing may be lost even past the ceiling: verified like the other runs.
 */
public class Ceiling extends VerifiedSimulation {

  {
    setUp(scenario("Ceiling")
        .feed(listFeeder(Representatives.active(settings.roster(), settings.representatives())))
        .exec(NightChains.signIn(keys, settings.session()))
        .exec(NightChains.vote(settings))
        .injectOpen(rampUsersPerSec(10).to(settings.ceilingPerSecond()).during(Duration.ofSeconds(settings.ceilingSeconds()))))
        .protocols(NightChains.protocol(settings))
        .assertions(global().responseTime().percentile(99.0).lt(1000), global().failedRequests().count().is(0L));
  }
}
