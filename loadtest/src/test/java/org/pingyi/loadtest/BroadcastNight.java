package org.pingyi.loadtest;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The evening as it happens: every active representative logs in during the broadcast segment (spread over
 * pingyi.loginSeconds), loads the ballot form, and submits within pingyi.submitSeconds after the group's last
 * report; some think slowly, some phones retry with the same Idempotency-Key, some try a second ballot.
 */
public class BroadcastNight extends VerifiedSimulation {
  private final long lastReportAt = System.currentTimeMillis() + Duration.ofSeconds(settings.loginSeconds() + 5L).toMillis();

  {
    ScenarioBuilder night = scenario(getClass().getSimpleName())
        .feed(listFeeder(Representatives.active(settings.roster(), settings.representatives())))
        .exec(NightChains.signIn(keys, settings.session()))
        .pause(s -> Duration.ofMillis(untilSubmit(s)))
        .exec(NightChains.vote(settings));
    setUp(night.injectOpen(rampUsers(settings.representatives()).during(Duration.ofSeconds(Math.max(1, settings.loginSeconds())))))
        .protocols(NightChains.protocol(settings))
        .assertions(global().failedRequests().count().is(0L));
  }

  /** Until the group's last report is over, then a moment of reading; slow thinkers take longer. */
  private long untilSubmit(io.gatling.javaapi.core.Session s) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long wait = Math.max(0, lastReportAt - System.currentTimeMillis());
    long reading = settings.submitSeconds() == 0 ? 0 : random.nextLong(settings.submitSeconds() * 1000L);
    long slow = NightChains.share(s, settings.slowShare(), 3) ? random.nextLong(5_000, 20_000) : 0;
    return wait + reading + slow;
  }
}
