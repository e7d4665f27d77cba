package org.pingyi.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.TransactionPropagation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one PostgreSQL pool, always on the host that is primary now. It is a Vert.x pool on one host of the
 * URL; when a query fails because that server is gone or refuses writes ({@link ServerLoss}), every host is asked
 * what it is ({@link PrimaryProbe}) and, if another one is primary now (a standby was promoted), a new pool on it
 * takes over and the old one is closed with its dead or read-only connections. Until some host answers as
 * primary it asks again every half second, so the engine takes writes again within a second of a promotion,
 * without a restart. Which server is primary is the failover manager's (Patroni's, the DBA's) decision, never the
 * engine's. Every caller uses it as a plain {@link Pool}.
 */
public final class PrimaryPool implements Pool {
  private static final Logger LOG = LoggerFactory.getLogger(PrimaryPool.class);
  static final long ASK_AGAIN_MS = 500;

  private final Vertx vertx;
  private final Context context;
  private final PgLocation location;
  private final PoolOptions poolOptions;
  private final NetClientOptions netOptions;
  private final PrimaryProbe probe;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile Pool current;
  private volatile PgLocation.Host primary;
  private volatile boolean writable = true;
  private volatile boolean closed;

  private PrimaryPool(Vertx vertx, PgLocation location, PgLocation.Host first, PoolOptions poolOptions,
      NetClientOptions netOptions) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.location = location;
    this.poolOptions = poolOptions;
    this.netOptions = netOptions;
    this.probe = new PrimaryProbe(vertx, location);
    this.primary = first;
    this.current = poolOn(first);
  }

  /** @param first the host pgJDBC found primary at start ({@link PgLocation#findServer()}) */
  public static PrimaryPool start(Vertx vertx, PgLocation location, PgLocation.Host first, PoolOptions poolOptions,
      NetClientOptions netOptions) {
    return new PrimaryPool(vertx, location, first, poolOptions, netOptions);
  }

  /** The host the pool uses now. */
  public PgLocation.Host primary() {
    return primary;
  }

  /** Whether that host took writes when last heard of (false from a lost server until a primary answers). */
  public boolean writable() {
    return writable;
  }

  public List<PgLocation.Host> hosts() {
    return location.hosts();
  }

  private Pool poolOn(PgLocation.Host host) {
    return PgBuilder.pool().with(poolOptions).with(netOptions).connectingTo(location.connectOptions(host)).using(vertx).build();
  }

  /** Called with every failure of a query through this pool: cheap unless the failure says the server is lost. */
  private void watch(Throwable failure) {
    if (!closed && ServerLoss.is(failure)) {
      context.runOnContext(v -> relocate());
    }
  }

  private void relocate() {
    if (closed || !probing.compareAndSet(false, true)) {
      return;
    }
    PgLocation.Host before = primary;
    probe.find(before).onComplete(found -> {
      probing.set(false);
      Optional<PgLocation.Host> host = found.succeeded() ? found.result() : Optional.empty();
      if (host.isEmpty()) {
        if (writable) {
          LOG.warn("PostgreSQL: {} is lost and no host of {} answers as primary; asking again every {} ms",
              before, location, ASK_AGAIN_MS);
        }
        writable = false;
        vertx.setTimer(ASK_AGAIN_MS, id -> relocate());
        return;
      }
      writable = true;
      if (!host.get().equals(before)) {
        retarget(before, host.get());
      }
    });
  }

  private void retarget(PgLocation.Host before, PgLocation.Host after) {
    Pool old = current;
    current = poolOn(after);
    primary = after;
    LOG.warn("PostgreSQL primary is now {} (was {}): new connections go there, the old ones are closed", after, before);
    old.close();
  }

  @Override
  public Future<SqlConnection> getConnection() {
    return current.getConnection().onFailure(this::watch);
  }

  @Override
  public Query<RowSet<Row>> query(String sql) {
    return new WatchedQuery<>(current.query(sql), this::watch);
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
    return new WatchedPreparedQuery<>(current.preparedQuery(sql), this::watch);
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
    return new WatchedPreparedQuery<>(current.preparedQuery(sql, options), this::watch);
  }

  @Override
  public <T> Future<T> withTransaction(Function<SqlConnection, Future<T>> function) {
    return current.withTransaction(function).onFailure(this::watch);
  }

  @Override
  public <T> Future<T> withTransaction(TransactionPropagation propagation, Function<SqlConnection, Future<T>> function) {
    return current.withTransaction(propagation, function).onFailure(this::watch);
  }

  @Override
  public <T> Future<T> withConnection(Function<SqlConnection, Future<T>> function) {
    return current.withConnection(function).onFailure(this::watch);
  }

  @Override
  public int size() {
    return current.size();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return current.close();
  }
}
