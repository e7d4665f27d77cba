package org.pingyi.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.auth.AccessTokens;
import org.pingyi.config.ConfigException;
import org.pingyi.config.ConfigLoader;
import org.pingyi.results.ResultsVerifier;
import org.pingyi.support.Api;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/**
 * Keys live in files, never in the database: a full copy of the database holds none of them, and nothing in it can
 * mint an access token. Instances given the same files agree; a rotated result-signing key stays published.
 */
class KeysOutsideTheDatabaseTest {
  @TempDir Path dir;

  /** A small evening: locked, voted, sealed and published, so every table holds what it holds on the night. */
  private static void evening(TestEngine engine) throws Exception {
    engine.open("econ1-2024");
    for (String rep : engine.activeRepresentatives(5)) {
      assertEquals(201, engine.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          Api.bearer(engine.accessToken(rep))).status());
    }
    for (String step : List.of("close", "seal", "publish")) {
      assertEquals(200, engine.api().post("/api/v1/admin/sessions/econ1-2024/" + step, "", Api.bearer(engine.operator())).status());
    }
  }

  /** Every value of every text-like column of every table, as a database reader sees them. */
  private static Set<String> everyTextValue(TestEngine engine) throws Exception {
    Set<String> values = new LinkedHashSet<>();
    try (Connection c = TestServers.connect(engine.database());
         var columns = c.createStatement().executeQuery("""
             SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')""")) {
      List<String[]> all = new ArrayList<>();
      while (columns.next()) {
        all.add(new String[] {columns.getString(1), columns.getString(2)});
      }
      for (String[] column : all) {
        try (var st = c.prepareStatement("SELECT format('SELECT DISTINCT %I::text FROM %I', ?, ?)")) {
          st.setString(1, column[1]);
          st.setString(2, column[0]);
          var query = st.executeQuery();
          query.next();
          try (var rs = c.createStatement().executeQuery(query.getString(1))) {
            while (rs.next()) {
              if (rs.getString(1) != null) {
                values.add(rs.getString(1));
              }
            }
          }
        }
      }
    }
    return values;
  }

  @Test
  void noTableHoldsAnyKeyAndNothingInTheDatabaseMintsAnAcceptedToken() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      evening(engine);
      Set<String> values = everyTextValue(engine);
      assertTrue(values.size() > 3000, "the scan reads the roster, ballots, results and audit log: " + values.size());
      String all = String.join("\n", values);
      EngineKeys.Locations files = engine.keyFiles();
      byte[] access = OctetSequenceKey.parse(Files.readString(files.accessToken())).toByteArray();
      byte[] pseudonym = OctetSequenceKey.parse(Files.readString(files.pseudonym())).toByteArray();
      byte[] citizenId = OctetSequenceKey.parse(Files.readString(files.citizenId())).toByteArray();
      ECKey results = ECKey.parse(Files.readString(files.results()));
      ECKey dev = ECKey.parse(Files.readString(files.devFaceAuth()));
      for (byte[] secret : List.of(access, pseudonym, citizenId, results.getD().decode(), dev.getD().decode())) {
        for (String form : forms(secret)) {
          assertFalse(all.contains(form), "a key appears in the database");
        }
      }

      // Every value, read as a key in every usual encoding, signs a token; the engine's verifier refuses them all.
      AccessTokens engineVerifier = TestEngine.accessTokensFrom(files.accessToken());
      String rep = engine.activeRepresentatives(1).get(0);
      int tried = 0;
      List<String> sample = new ArrayList<>();
      for (String value : values) {
        for (byte[] candidate : decodings(value)) {
          String forged = forge(candidate, rep);
          assertEquals(Optional.empty(), engineVerifier.verify(forged));
          if (tried++ % 997 == 0) {
            sample.add(forged);
          }
        }
      }
      for (String forged : sample) {
        assertEquals(401, engine.api().get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(forged)).status());
      }
      System.out.printf("forged %d access tokens from %d database values; all refused%n", tried, values.size());
      assertTrue(engineVerifier.verify(forge(access, rep)).isPresent(), "the control: forged under the key file, it is accepted");
      assertEquals(200, engine.api().get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(forge(access, rep))).status());
    }
  }

  @Test
  void twoInstancesGivenTheSameKeyFilesAcceptEachOthersTokensAndPublishTheSameKeys() throws Exception {
    try (TestEngine a = TestEngine.start(); TestEngine b = a.sibling()) {
      a.open("econ1-2024");
      String rep = a.activeRepresentatives(1).get(0);
      String idToken = a.api().postJson("/api/v1/dev/face-auth", new JsonObject().put("representativeId", rep)).json().getString("idToken");
      String token = a.api().postJson("/api/v1/auth/face", new JsonObject().put("idToken", idToken)).json().getString("accessToken");
      assertEquals(201, b.api().postJson("/api/v1/sessions/econ1-2024/ballots", Ballots.all(Ballots.ECON1, "satisfied"),
          Api.bearer(token)).status(), "a token from instance A votes on instance B");
      assertEquals(a.api().get("/api/v1/keys").body(), b.api().get("/api/v1/keys").body());
      try (TestEngine stranger = a.sibling(Map.of("keys.accessToken", dir.resolve("other.jwk").toString()))) {
        assertEquals(401, stranger.api().get("/api/v1/sessions/econ1-2024/ballot-form", Api.bearer(token)).status(),
            "the control: an instance with another key file refuses it");
      }
    }
  }

  @Test
  void aRotatedResultKeyStaysPublishedSoEarlierResultsStillVerify() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      evening(engine);
      Path ballots = dir.resolve("ballots.ndjson");
      Files.writeString(ballots, engine.api().get("/api/v1/admin/sessions/econ1-2024/ballots.ndjson", Api.bearer(engine.auditor())).body());
      Path results = dir.resolve("results.json");
      Files.writeString(results, engine.api().get("/api/v1/sessions/econ1-2024/results").body());
      ECKey old = ECKey.parse(Files.readString(engine.keyFiles().results()));

      Path retired = dir.resolve("retired.jwks");
      Files.writeString(retired, new JWKSet(old.toPublicJWK()).toString());
      Path fresh = dir.resolve("results-2.jwk");
      KeyFiles.create(fresh, ResultKeys.generate().toJSONString());
      try (TestEngine rotated = engine.sibling(Map.of("keys.results", fresh.toString(), "keys.resultsRetired", retired.toString()))) {
        JWKSet published = JWKSet.parse(rotated.api().get("/api/v1/keys").body());
        assertEquals(2, published.getKeys().size());
        assertTrue(published.getKeys().stream().noneMatch(k -> k.isPrivate()), "only public keys are published");
        assertNotEquals(old.getKeyID(), ECKey.parse(Files.readString(fresh)).getKeyID());
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, published.toString());
        var verdict = ResultsVerifier.verify(ballots, TestEngine.EDITION, results, Optional.of(jwks));
        assertTrue(verdict.verified(), verdict.message());
      }
    }
  }

  @Test
  void productionWithoutKeyFilesDoesNotStartAndNamesTheKey() throws Exception {
    Map<String, String> v = new HashMap<>();
    v.put("edition", TestEngine.EDITION.toString());
    v.put("profile", "production");
    v.put("faceAuth.issuer", "https://face.example.test");
    v.put("faceAuth.audience", "pingyi");
    v.put("faceAuth.jwks", "https://face.example.test/jwks");
    v.put("adminTokens", "operator:" + "a".repeat(64));
    v.put("sms.gatewayUrl", "https://sms.example.test");
    var e = assertThrows(ConfigException.class, () -> ConfigLoader.fromValues(v));
    assertTrue(e.getMessage().startsWith("keys.accessToken (PINGYI_ACCESS_TOKEN_KEY): production needs this key file"), e.getMessage());
    v.put("keys.accessToken", dir.resolve("a.jwk").toString());
    v.put("keys.results", dir.resolve("r.jwk").toString());
    v.put("keys.pseudonym", dir.resolve("p.jwk").toString());
    var noCitizenKey = assertThrows(ConfigException.class, () -> ConfigLoader.fromValues(v));
    assertTrue(noCitizenKey.getMessage().startsWith("keys.citizenId (PINGYI_CITIZEN_ID_KEY): production needs this key file"),
        noCitizenKey.getMessage());
    v.put("keys.citizenId", dir.resolve("c.jwk").toString());
    var missing = assertThrows(ConfigException.class, () -> EngineKeys.load(ConfigLoader.fromValues(v)));
    assertTrue(missing.getMessage().startsWith("keys.accessToken (PINGYI_ACCESS_TOKEN_KEY): file"), "production never makes keys: "
        + missing.getMessage());
    assertFalse(Files.exists(dir.resolve("a.jwk")));
    var tooLong = assertThrows(ConfigException.class, () -> ConfigLoader.fromValues(Map.of("edition", TestEngine.EDITION.toString(),
        "accessTokens.lifetimeMinutes", "241")));
    assertTrue(tooLong.getMessage().startsWith("accessTokens.lifetimeMinutes (PINGYI_ACCESS_TOKEN_MINUTES)"), tooLong.getMessage());
  }

  private static List<String> forms(byte[] secret) {
    return List.of(Base64.getEncoder().encodeToString(secret), Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
        HexFormat.of().formatHex(secret), new String(secret, StandardCharsets.ISO_8859_1));
  }

  private static List<byte[]> decodings(String value) {
    List<byte[]> keys = new ArrayList<>();
    keys.add(value.getBytes(StandardCharsets.UTF_8));
    try {
      keys.add(Base64.getDecoder().decode(value));
    } catch (IllegalArgumentException notBase64) {
      // not this encoding
    }
    try {
      keys.add(Base64.getUrlDecoder().decode(value));
    } catch (IllegalArgumentException notBase64Url) {
      // not this encoding
    }
    if (value.matches("([0-9a-fA-F]{2})+")) {
      keys.add(HexFormat.of().parseHex(value));
    }
    return keys;
  }

  /** An HS256 access token as the engine makes them, under any key bytes (also ones too short for Nimbus' signer). */
  private static String forge(byte[] key, String representative) throws Exception {
    String header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("pingyi-access+jwt")).build().toBase64URL().toString();
    long now = System.currentTimeMillis() / 1000;
    String claims = Base64URL.encode(new JsonObject().put("iss", "pingyi").put("sub", representative).put("iat", now)
        .put("exp", now + 600).put("jti", "forged").encode()).toString();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
    byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header + "." + claims + "." + Base64URL.encode(signature);
  }
}
