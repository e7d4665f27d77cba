package org.pingyi.rehearsal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.pingyi.results.ResultsVerifier;

/**
 * The auditor's step of the rehearsal: fetch a sealed session's export, results and published keys over HTTP as an
 * auditor would (with the caller's own token), and run the offline verifier on them, as {@code verify --keys} does.
 */
final class RehearsalVerify {
  private final Vertx vertx;
  private final HttpClient client;
  private final Path edition;

  RehearsalVerify(Vertx vertx, Path edition) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient();
    this.edition = edition;
  }

  /** The verifier's verdict; fails with the status of a download that was refused (e.g. a session not sealed yet). */
  Future<ResultsVerifier.Verdict> verify(int port, String sessionId, String authorization) {
    Future<Buffer> ballots = get(port, "/api/v1/admin/sessions/" + sessionId + "/ballots.ndjson", authorization);
    Future<Buffer> results = get(port, "/api/v1/sessions/" + sessionId + "/results", authorization);
    Future<Buffer> keys = get(port, "/api/v1/keys", null);
    return Future.all(ballots, results, keys).compose(all -> vertx.executeBlocking(() -> {
      Path dir = Files.createTempDirectory("pingyi-rehearsal-verify");
      try {
        Path b = Files.write(dir.resolve("ballots.ndjson"), ballots.result().getBytes());
        Path r = Files.write(dir.resolve("results.json"), results.result().getBytes());
        Path k = Files.write(dir.resolve("keys.json"), keys.result().getBytes());
        return ResultsVerifier.verify(b, edition, r, Optional.of(k));
      } finally {
        RehearsalReset.deleteTree(dir);
      }
    }));
  }

  private Future<Buffer> get(int port, String path, String authorization) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI(path).setIdleTimeout(60_000);
    if (authorization != null) {
      options.putHeader("Authorization", authorization);
    }
    return client.request(options).compose(request -> request.send()).compose(response -> response.body()
        .compose(body -> response.statusCode() == 200 ? Future.succeededFuture(body)
            : Future.failedFuture(new Refused(path, response.statusCode(), body.toString()))));
  }

  /** A download the engine refused: its status and problem body go back to the caller. */
  static final class Refused extends RuntimeException {
    final int status;
    final String body;

    Refused(String path, int status, String body) {
      super(path + " answered " + status, null, false, false);
      this.status = status;
      this.body = body;
    }
  }

  void close() {
    client.close();
  }
}
