package org.pingyi.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The engine's meters, in Prometheus naming with base units. Labels take only small fixed sets of values (problem
 * codes, login outcomes): never a representative, receipt, token or path.
 */
public final class EngineMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter ballotsAccepted;
  private final ConcurrentMap<String, Counter> ballotsRefused = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> logins = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> reminders = new ConcurrentHashMap<>();
  private final DistributionSummary batchSize;
  private final Timer commitLatency;
  private final Timer eventLoopLag;
  private final java.util.concurrent.atomic.AtomicInteger sessionStreamClients = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger liveStreamClients = new java.util.concurrent.atomic.AtomicInteger();

  public EngineMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    ballotsAccepted = Counter.builder("pingyi.ballots.accepted").description("Ballots committed (201)").register(registry);
    batchSize = DistributionSummary.builder("pingyi.ballot.batch.size")
        .description("Ballots per group-commit transaction")
        .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500)
        .register(registry);
    commitLatency = Timer.builder("pingyi.ballot.commit")
        .description("Time from a ballot entering the writer's queue to its commit being known")
        .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2))
        .register(registry);
    eventLoopLag = Timer.builder("pingyi.eventloop.lag")
        .description("How late a 100 ms timer fires on the HTTP event loops: time handlers hold a loop")
        .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofMillis(500))
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder("pingyi.sse.clients", sessionStreamClients, java.util.concurrent.atomic.AtomicInteger::get)
        .tag("stream", "sessions").description("Connected server-sent-event clients").register(registry);
    io.micrometer.core.instrument.Gauge.builder("pingyi.sse.clients", liveStreamClients, java.util.concurrent.atomic.AtomicInteger::get)
        .tag("stream", "live").description("Connected server-sent-event clients").register(registry);
  }

  /** +1 when a phone or console connects to a stream, -1 when it leaves. */
  public void sseClients(String stream, int delta) {
    ("live".equals(stream) ? liveStreamClients : sessionStreamClients).addAndGet(delta);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void ballotAccepted() {
    ballotsAccepted.increment();
  }

  public void ballotRefused(String code) {
    ballotsRefused.computeIfAbsent(code, c -> Counter.builder("pingyi.ballots.refused")
        .description("Ballots refused, by problem code").tag("code", c).register(registry)).increment();
  }

  public void login(String outcome) {
    logins.computeIfAbsent(outcome, o -> Counter.builder("pingyi.logins")
        .description("Face-auth logins, by outcome").tag("outcome", o).register(registry)).increment();
  }

  public void reminder(String outcome) {
    reminders.computeIfAbsent(outcome, o -> Counter.builder("pingyi.reminders")
        .description("Reminder messages, by outcome (sent, retried, failed, skipped)").tag("outcome", o).register(registry)).increment();
  }

  /** Ballots waiting for or inside a group commit (the writer sheds beyond limits.ballotsInFlight). */
  public void ballotsInFlight(java.util.function.IntSupplier admitted) {
    io.micrometer.core.instrument.Gauge.builder("pingyi.ballots.in.flight", admitted::getAsInt)
        .description("Ballots queued or being written by this instance's writer").register(registry);
  }

  public void batch(int size) {
    batchSize.record(size);
  }

  public void eventLoopLag(long nanos) {
    eventLoopLag.record(Duration.ofNanos(nanos));
  }

  public void committed(long nanos) {
    commitLatency.record(Duration.ofNanos(nanos));
  }
}
