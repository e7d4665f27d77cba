package org.pingyi.edition;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pingyi.session.SessionStatus;

/**
 * GET /api/v1/edition and GET /api/v1/sessions: public, answered from memory: the edition as loaded and the
 * instance's view of the session states (re-read from PostgreSQL every second and on every change, see
 * SessionEvents), so a flood of these never touches a database connection. Each body is encoded once per change of
 * the states.
 */
public final class EditionRoutes {
  private final Supplier<Map<String, SessionStatus>> states;
  private final Encoded edition;
  private final Encoded sessions;

  public EditionRoutes(Edition edition, Supplier<Map<String, SessionStatus>> states) {
    this.states = states;
    this.edition = new Encoded(s -> EditionJson.edition(edition, s).toBuffer().getBytes());
    this.sessions = new Encoded(s -> EditionJson.sessions(edition, s).toBuffer().getBytes());
  }

  public void mount(Router router) {
    router.get("/api/v1/edition").handler(ctx -> send(ctx, edition));
    router.get("/api/v1/sessions").handler(ctx -> send(ctx, sessions));
  }

  private void send(RoutingContext ctx, Encoded body) {
    // A buffer of its own per answer: Netty buffers keep read positions, the bytes under them are only read.
    ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(body.of(states.get())));
  }

  /** The last body and the snapshot it was made from; the states are replaced whole when they change. */
  private static final class Encoded {
    private final Function<Map<String, SessionStatus>, byte[]> encode;
    private volatile Object[] last = {null, null};

    Encoded(Function<Map<String, SessionStatus>, byte[]> encode) {
      this.encode = encode;
    }

    byte[] of(Map<String, SessionStatus> snapshot) {
      Object[] cached = last;
      if (cached[0] != snapshot) {
        cached = new Object[] {snapshot, encode.apply(snapshot)};
        last = cached;
      }
      return (byte[]) cached[1];
    }
  }
}
