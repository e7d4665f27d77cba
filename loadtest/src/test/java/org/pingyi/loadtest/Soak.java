package org.pingyi.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;

/**
 * Steady load for pingyi.soakMinutes: the roster's representatives arrive at an even rate, each signing in and
 * voting once (use a large roster, e.g. 100,000, for long soaks). Verified like the other runs.
 */
public class Soak extends VerifiedSimulation {

  {
    Duration duration = Duration.ofMinutes(settings.soakMinutes());
    double perSecond = Math.max(0.1, settings.representatives() / (double) duration.toSeconds());
    setUp(scenario("Soak")
        .feed(listFeeder(Representatives.active(settings.roster(), settings.representatives())))
        .exec(NightChains.signIn(keys, settings.session()))
        .exec(NightChains.vote(settings))
        .injectOpen(constantUsersPerSec(perSecond).during(duration)))
        .protocols(NightChains.protocol(settings))
        .assertions(global().failedRequests().count().is(0L));
  }
}
