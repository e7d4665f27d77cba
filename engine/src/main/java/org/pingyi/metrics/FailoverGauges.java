package org.pingyi.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import org.pingyi.store.PgLocation;
import org.pingyi.store.PrimaryPool;
import org.pingyi.store.RedisStore;

/**
 * Which PostgreSQL host the engine writes to and whether it can write now, and how often Redis connections were
 * made again (each one may be a failover): {@code pingyi_postgres_primary{host}} is 1 for the host in use while it
 * takes writes, {@code pingyi_postgres_writable} 1 while the engine can commit ballots, and
 * {@code pingyi_redis_reconnects_total} counts reconnects and cluster topology changes. Hosts come from the
 * configuration, so the label stays bounded.
 */
public final class FailoverGauges {
  private FailoverGauges() {}

  public static void register(EngineMetrics metrics, PrimaryPool pool, RedisStore redis) {
    var registry = metrics.registry();
    for (PgLocation.Host host : pool.hosts()) {
      Gauge.builder("pingyi.postgres.primary", pool, p -> p.writable() && p.primary().equals(host) ? 1 : 0)
          .tag("host", host.toString())
          .description("1 for the PostgreSQL host the engine writes to, while it takes writes").register(registry);
    }
    Gauge.builder("pingyi.postgres.writable", pool, p -> p.writable() ? 1 : 0)
        .description("1 while the engine's PostgreSQL pool is on a primary that takes writes").register(registry);
    Counter reconnects = Counter.builder("pingyi.redis.reconnects")
        .description("Redis connections made again and cluster topology changes (a failover shows here)").register(registry);
    redis.onReconnect(reconnects::increment);
  }
}
