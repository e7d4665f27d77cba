package org.pingyi.store;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.netty.channel.unix.Errors.NativeIoException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;

/**
 * The failures that say the PostgreSQL server behind a connection may be gone or no longer the primary: refused,
 * reset or closed connections, an administrator's or a failover manager's shutdown (57P01/57P02/57P03), connection
 * errors (08xxx), a write refused as read-only (25006, a standby or a demoted primary), and a query or a wait for a
 * connection that ran out of time (a hung server or a cut network looks like that; asking the hosts costs one
 * connection each and changes nothing while the primary answers). Constraint violations and bad SQL are not: they
 * say nothing about which server is primary.
 */
public final class ServerLoss {
  /** SQLSTATE read_only_sql_transaction. */
  public static final String READ_ONLY = "25006";

  /**
   * Vert.x's message for a query that was still waiting for a connection of a pool closed under it: what a
   * {@link PrimaryPool} does to the pool on a lost server when it moves to the new primary.
   */
  public static final String POOL_CLOSED = "Pool closed";

  /** Vert.x's message when no pooled connection became free within the pool's connection timeout. */
  public static final String POOL_TIMEOUT = "Timeout waiting for connection";

  private ServerLoss() {}

  /** A request that waited on the pool of a server given up for the new primary: nothing ran, it may be retried. */
  public static boolean retiredPool(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof VertxException && POOL_CLOSED.equals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  public static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof ClosedConnectionException || t instanceof SocketException
          || t instanceof NativeIoException || t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null) {
        String state = pg.getSqlState();
        return state.startsWith("08") || state.startsWith("57P") || READ_ONLY.equals(state);
      }
      if (t instanceof VertxException && t.getMessage() != null
          && (t.getMessage().startsWith("Connection closed") || t.getMessage().equals(POOL_TIMEOUT))) {
        return true;
      }
    }
    return false;
  }
}
