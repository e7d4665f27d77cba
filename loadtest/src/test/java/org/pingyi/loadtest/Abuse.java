package org.pingyi.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * What an attacker or a broken client sends: ID tokens signed by another key or not at all, replayed ID tokens,
 * forged access tokens, bodies that are not JSON or too large or name unknown departments, ballots for a session
 * that is not open. Each must be refused with its code and nothing may be stored.
 */
public class Abuse extends VerifiedSimulation {
  private final ECDSASigner impostor = impostor();

  {
    String session = settings.session();
    String ballots = "/api/v1/sessions/" + session + "/ballots";
    int users = Math.min(settings.representatives(), 300);
    setUp(scenario("Abuse")
        .feed(listFeeder(Representatives.active(settings.roster(), users)))
        .exec(s -> s.set("forged", forged(s.getString("subject"))).set("unsigned", unsigned(s.getString("subject")))
            .set("idToken", keys.idToken(s.getString("subject"))).set("big", "x".repeat(70 * 1024)))
        .exec(http("ID token of another key").post("/api/v1/auth/face").body(StringBody("{\"idToken\":\"#{forged}\"}"))
            .check(status().is(401), jsonPath("$.code").is("invalid_token")))
        .exec(http("unsigned ID token").post("/api/v1/auth/face").body(StringBody("{\"idToken\":\"#{unsigned}\"}"))
            .check(status().is(401), jsonPath("$.code").is("invalid_token")))
        .exec(http("login").post("/api/v1/auth/face").body(StringBody("{\"idToken\":\"#{idToken}\"}"))
            .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
        .exec(http("replayed ID token").post("/api/v1/auth/face").body(StringBody("{\"idToken\":\"#{idToken}\"}"))
            .check(status().is(401), jsonPath("$.code").is("invalid_token")))
        .exec(http("forged access token").post(ballots).header("Authorization", "Bearer #{token}x")
            .body(StringBody("{}")).check(status().is(401), jsonPath("$.code").is("invalid_token")))
        .exec(http("not JSON").post(ballots).header("Authorization", "Bearer #{token}").body(StringBody("{scores: all good"))
            .check(status().is(400), jsonPath("$.code").is("malformed_request")))
        .exec(http("oversized body").post(ballots).header("Authorization", "Bearer #{token}")
            .body(StringBody("{\"scores\":{},\"comments\":{\"D01\":\"#{big}\"}}"))
            .check(status().is(413), jsonPath("$.code").is("payload_too_large")))
        .exec(http("unknown department").post(ballots).header("Authorization", "Bearer #{token}")
            .body(StringBody("{\"scores\":{\"D99\":\"satisfied\"}}")).check(status().is(422), jsonPath("$.code").is("invalid_ballot")))
        .exec(http("ballot for a closed session").post("/api/v1/sessions/" + settings.closedSession() + "/ballots")
            .header("Authorization", "Bearer #{token}").body(StringBody(closedBallot()))
            .check(status().is(409), jsonPath("$.code").is("session_not_open")))
        .injectOpen(rampUsers(users).during(Duration.ofSeconds(10))))
        .protocols(NightChains.protocol(settings))
        .assertions(global().failedRequests().count().is(0L));
  }

  private static String closedBallot() {
    return "{\"scores\":{\"D09\":\"satisfied\",\"D10\":\"satisfied\",\"D11\":\"satisfied\",\"D12\":\"satisfied\","
        + "\"D13\":\"satisfied\",\"D14\":\"satisfied\",\"D15\":\"satisfied\",\"D16\":\"satisfied\"}}";
  }

  private static ECDSASigner impostor() {
    try {
      return new ECDSASigner(new ECKeyGenerator(Curve.P_256).keyID("impostor").generate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet claims(String subject) {
    Date now = new Date();
    return new JWTClaimsSet.Builder().issuer(FaceKeys.ISSUER).audience(FaceKeys.AUDIENCE).subject(subject).issueTime(now)
        .expirationTime(new Date(now.getTime() + 300_000)).claim("auth_time", now.getTime() / 1000)
        .claim("amr", List.of("face")).jwtID(UUID.randomUUID().toString()).build();
  }

  private String forged(String subject) {
    try {
      SignedJWT jwt = new SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
          .keyID("impostor").build(), claims(subject));
      jwt.sign(impostor);
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned(String subject) {
    return new PlainJWT(claims(subject)).serialize();
  }
}
