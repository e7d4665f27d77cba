package org.pingyi.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** The steps of a representative's evening, shared by the simulations. */
final class NightChains {
  private NightChains() {}

  /**
   * Each representative on connections of their own, like phones; with pingyi.shareConnections=true they share one
   * pool of keep-alive connections instead, like the app's gateway in front of the engine. A driver whose open-file
   * limit is below the number of representatives (20,000 on the development machine) needs the shared pool.
   */
  static HttpProtocolBuilder protocol(LoadSettings settings) {
    HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl()).contentTypeHeader("application/json")
        .acceptHeader("application/json").warmUp(settings.baseUrl() + "/health/live");
    return settings.shareConnections() ? protocol.shareConnections() : protocol;
  }

  /**
   * Face authentication in the app (a fresh ID token), the engine login, the ballot form. A representative whose
   * sign-in failed stops there (the failure is already in the report) instead of submitting without a token.
   */
  static ChainBuilder signIn(FaceKeys keys, String session) {
    return exec(s -> s.set("idToken", keys.idToken(s.getString("subject"))))
        .exec(http("login").post("/api/v1/auth/face").body(StringBody("{\"idToken\":\"#{idToken}\"}"))
            .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
        .exec(http("ballot form").get("/api/v1/sessions/" + session + "/ballot-form").header("Authorization", "Bearer #{token}")
            .check(status().is(200), jsonPath("$.departments[*].code").findAll().saveAs("departments"),
                jsonPath("$.grades[*].code").findAll().saveAs("grades")))
        .exec(s -> s.set("ballot", ballot(s.getList("departments"), s.getList("grades")))
            .set("key", UUID.randomUUID().toString()).set("otherKey", UUID.randomUUID().toString()))
        .exitHereIfFailed();
  }

  static String ballot(List<Object> departments, List<Object> grades) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return departments.stream().map(d -> "\"" + d + "\":\"" + grades.get(random.nextInt(grades.size())) + "\"")
        .collect(Collectors.joining(",", "{\"scores\":{", "}}"));
  }

  static HttpRequestActionBuilder submit(String name, String session, String key) {
    return http(name).post("/api/v1/sessions/" + session + "/ballots").header("Authorization", "Bearer #{token}")
        .header("Idempotency-Key", key).body(StringBody("#{ballot}"));
  }

  /** The ballot, then a flaky phone's same-key retry and a second ballot for some; 201s are counted for verification. */
  static ChainBuilder vote(LoadSettings settings) {
    return exec(submit("submit", settings.session(), "#{key}").check(status().is(201)))
        .exec(s -> {
          if (!s.isFailed()) {
            Verification.CREATED.incrementAndGet();
          }
          return s;
        })
        .doIf(s -> share(s, settings.retryShare(), 1)).then(
            exec(submit("same-key retry", settings.session(), "#{key}").check(status().is(200))))
        .doIf(s -> share(s, settings.doubleShare(), 2)).then(
            exec(submit("second ballot", settings.session(), "#{otherKey}").check(status().is(409))));
  }

  /** A stable pick per representative: the same representatives retry in every run of the same size. */
  static boolean share(io.gatling.javaapi.core.Session s, double share, int salt) {
    int index = s.getInt("index");
    return Math.floorMod((index + 1) * 2654435761L + salt * 97L, 10_000) < share * 10_000;
  }
}
