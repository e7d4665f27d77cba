package org.pingyi.outreach;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * A provider reached by one HTTP POST per message: the body is the configured template with {{to}}, {{text}},
 * {{messageId}} and {{waveId}} filled in (as JSON string contents; waveId is empty for a notice outside a wave), the auth value goes in the Authorization header.
 * Any 2xx is success; anything else, or no answer within the timeout, is a failure to retry.
 */
public final class HttpSmsGateway implements SmsGateway {
  public static final String DEFAULT_TEMPLATE = "{\"to\":\"{{to}}\",\"text\":\"{{text}}\",\"messageId\":\"{{messageId}}\"}";
  static final long TIMEOUT_MS = 3000;

  private final HttpClient client;
  private final String url;
  private final Optional<String> auth;
  private final String template;

  public HttpSmsGateway(Vertx vertx, String url, Optional<String> auth, Optional<String> template) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) TIMEOUT_MS).setKeepAlive(true));
    this.url = url;
    this.auth = auth;
    this.template = template.orElse(DEFAULT_TEMPLATE);
  }

  @Override
  public Future<Void> send(SmsMessage m) {
    String body = template
        .replace("{{to}}", escape(m.to()))
        .replace("{{text}}", escape(m.text()))
        .replace("{{messageId}}", escape(m.messageId()))
        .replace("{{waveId}}", m.waveId() == null ? "" : escape(m.waveId()));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url).setIdleTimeout(TIMEOUT_MS)
        .putHeader("Content-Type", "application/json; charset=utf-8");
    auth.ifPresent(a -> options.putHeader("Authorization", a));
    return client.request(options)
        .compose(request -> request.send(body))
        .compose(response -> response.body().compose(ignored -> response.statusCode() / 100 == 2
            ? Future.<Void>succeededFuture()
            : Future.failedFuture("provider answered " + response.statusCode())))
        .timeout(TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The text of a JSON string literal, without the quotes. */
  static String escape(String value) {
    String quoted = new JsonObject().put("v", value).encode();
    return quoted.substring(6, quoted.length() - 2);
  }

  @Override
  public String describe() {
    return "HTTP provider";
  }
}
