package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingyi.http.FailureHandler;
import org.pingyi.support.TestServers;

/**
 * A request still waiting for a connection when the {@link PrimaryPool} closes the pool of a server it gave up is
 * recognised by Vert.x's message alone ({@link ServerLoss#POOL_CLOSED}): pinned here, so a Vert.x upgrade that
 * rewords it fails this test instead of turning those requests into 500s.
 */
class RetiredPoolTest {

  @Test
  void aQueryWaitingOnAPoolThatIsClosedFailsAsARetryableOutage() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      var pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
          .connectingTo(PgLocation.parse(TestServers.pgUrl("postgres")).connectOptions(
              new PgLocation.Host(TestServers.PG_HOST, TestServers.PG_PORT)))
          .using(vertx).build();
      var held = pool.getConnection().await(10, TimeUnit.SECONDS);
      var waiting = pool.query("SELECT 1").execute();
      pool.close().await(10, TimeUnit.SECONDS);
      Throwable failure = waiting.transform(done -> Future.succeededFuture(done.cause()))
          .await(10, TimeUnit.SECONDS);
      assertTrue(ServerLoss.retiredPool(failure), String.valueOf(failure));
      assertTrue(FailureHandler.isOutage(failure), "answered 503 with Retry-After");
      held.close();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
