package org.pingyi.edition;

import io.vertx.ext.web.RoutingContext;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/** The session named by a route's {@code :id}, or a 404 problem. */
public final class SessionParam {
  private SessionParam() {}

  public static Edition.Session of(Edition edition, RoutingContext ctx) {
    return edition.session(ctx.pathParam("id"))
        .orElseThrow(() -> new ProblemException(ProblemCode.not_found, "No such session."));
  }
}
