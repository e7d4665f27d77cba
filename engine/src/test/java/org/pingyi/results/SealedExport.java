package org.pingyi.results;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.erdtman.jcs.JsonCanonicalizer;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionHash;
import org.pingyi.edition.EditionLoader;
import org.pingyi.support.Ballots;
import org.pingyi.support.TestEngine;

/**
 * A sealed session's files as API.md describes them, without a database and without the engine's results code:
 * lines and figures by {@link HandCount}, pseudonyms with an HMAC of the test's own, the signature a compact ES256
 * JWS made with Nimbus over the RFC 8785 form (java-json-canonicalization), the published keys a JWKS. Only the
 * edition hash is the engine's (EditionHash), since it binds the edition the verifier loads.
 */
final class SealedExport {
  static final Edition EDITION = EditionLoader.load(TestEngine.EDITION);
  static final Edition.Session SESSION = EDITION.session("econ1-2024").orElseThrow();
  static final String[] CLASSES = {"service", "society", "volunteer"};

  /** One ballot as the engine would have stored it; {@code receipt} in clear, the export carries its hash. */
  record Ballot(String ballotId, String voter, String weightClass, String district, String receipt, String submittedAt,
      Map<String, String> scores) {}

  final Path ballots;
  final Path results;
  final Path keys;
  final List<Ballot> sent = new ArrayList<>();
  final List<String> lines = new ArrayList<>();
  final ECKey signingKey;

  private SealedExport(Path dir, ECKey signingKey) {
    this.ballots = dir.resolve("ballots.ndjson");
    this.results = dir.resolve("results.json");
    this.keys = dir.resolve("jwks.json");
    this.signingKey = signingKey;
  }

  /** {@code count} random ballots, sealed and signed with a fresh key. */
  static SealedExport make(Path dir, int count, long seed) throws Exception {
    SealedExport export = new SealedExport(dir, newKey());
    Random random = new Random(seed);
    byte[] pseudonymKey = new byte[32];
    random.nextBytes(pseudonymKey);
    for (int i = 1; i <= count; i++) {
      Map<String, String> scores = new TreeMap<>();
      Ballots.ECON1.forEach(d -> scores.put(d, Ballots.GRADES.get(random.nextInt(4))));
      export.sent.add(new Ballot(String.valueOf(i * 3), voter(pseudonymKey, "R" + (1000 + i)), CLASSES[random.nextInt(3)],
          "jimo", "receipt" + i, Instant.parse("2024-12-17T02:00:00Z").plusSeconds(i).toString(), scores));
    }
    export.write(export.sent, export.signingKey);
    Files.writeString(export.keys, new JWKSet(export.signingKey.toPublicJWK()).toString(true));
    return export;
  }

  /** An EC P-256 key whose id is its RFC 7638 thumbprint, as the engine names its keys. */
  static ECKey newKey() throws Exception {
    return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
  }

  String keyId() {
    return signingKey.getKeyID();
  }

  /** Writes these ballots (numbered from 1) and results counted from them, signed with this key: a consistent pair. */
  void write(List<Ballot> ballotsToWrite, ECKey signWith) throws Exception {
    HandCount count = new HandCount(EDITION, SESSION.id());
    long seq = 1;
    for (Ballot b : ballotsToWrite) {
      count.exportLine(seq++, b.ballotId(), b.voter(), b.weightClass(), b.district(), b.receipt(), b.submittedAt(), b.scores());
    }
    if (ballotsToWrite == sent) {
      lines.clear();
      lines.addAll(count.lines());
    }
    Files.write(ballots, count.lines());
    JsonObject document = count.resultsDocument("sealed", "2024-12-17T03:00:00Z", EditionHash.sha256(TestEngine.EDITION));
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signWith.getKeyID()).build(),
        new Payload(new JsonCanonicalizer(document.encode()).getEncodedString()));
    jws.sign(new ECDSASigner(signWith));
    Files.writeString(results, document.put("keyId", signWith.getKeyID()).put("signature", jws.serialize()).encode());
  }

  /** API.md: HMAC-SHA-256 of the id under a per-edition key, hex, first 32 characters. */
  private static String voter(byte[] key, String representativeId) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(representativeId.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
  }
}
