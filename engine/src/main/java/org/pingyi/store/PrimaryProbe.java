package org.pingyi.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks every host of the URL, at once and over a connection of its own, what it is now, as libpq does for
 * {@code target_session_attrs=read-write}: a primary that takes writes, a standby (or a server set read-only), or
 * nothing answering. The engine writes, so a primary is always preferred; only with {@code target_session_attrs=any}
 * does a server that merely answers do when no primary does.
 */
final class PrimaryProbe {
  /** One row: is the server in recovery (a standby), is its default transaction read-only. */
  static final String WHAT_ARE_YOU = """
      SELECT pg_is_in_recovery() AS standby, current_setting('transaction_read_only') = 'on' AS read_only""";
  static final long TIMEOUT_MS = 2000;

  enum Role { PRIMARY, READ_ONLY, UNREACHABLE }

  private final Vertx vertx;
  private final PgLocation location;

  PrimaryProbe(Vertx vertx, PgLocation location) {
    this.vertx = vertx;
    this.location = location;
  }

  /** The host to use: {@code preferred} if it is as good as any, else the first of the URL that is. */
  Future<Optional<PgLocation.Host>> find(PgLocation.Host preferred) {
    List<PgLocation.Host> hosts = location.hosts();
    List<Future<Role>> roles = new ArrayList<>(hosts.size());
    hosts.forEach(h -> roles.add(roleOf(h)));
    return Future.join(roles).map(done -> {
      Optional<PgLocation.Host> primary = best(hosts, roles, preferred, Role.PRIMARY);
      return primary.isPresent() || location.target() == PgLocation.Target.READ_WRITE
          ? primary
          : best(hosts, roles, preferred, Role.READ_ONLY);
    });
  }

  private static Optional<PgLocation.Host> best(List<PgLocation.Host> hosts, List<Future<Role>> roles,
      PgLocation.Host preferred, Role wanted) {
    int at = hosts.indexOf(preferred);
    if (at >= 0 && roles.get(at).result() == wanted) {
      return Optional.of(preferred);
    }
    for (int i = 0; i < hosts.size(); i++) {
      if (roles.get(i).result() == wanted) {
        return Optional.of(hosts.get(i));
      }
    }
    return Optional.empty();
  }

  /** Never fails: a server that does not answer in time is {@link Role#UNREACHABLE}. */
  Future<Role> roleOf(PgLocation.Host host) {
    return PgConnection.connect(vertx, location.connectOptions(host))
        .compose(c -> c.query(WHAT_ARE_YOU).execute().map(rows -> roleOf(rows.iterator().next())).eventually(c::close))
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .otherwise(Role.UNREACHABLE);
  }

  private static Role roleOf(Row row) {
    return row.getBoolean("standby") || row.getBoolean("read_only") ? Role.READ_ONLY : Role.PRIMARY;
  }
}
