package org.pingyi.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a face-authentication provider's ID token with Nimbus JOSE+JWT: ES256 or RS256 only (never none, never
 * an HMAC, so a public key can never be used as a shared secret), a key of the provider's JWKS, then iss, aud,
 * exp, nbf when present (both with {@link #SKEW}), auth_time at most 300 s old, amr containing "face", and a jti. Verifying may fetch the JWKS over the
 * network: call it off the event loop. Thread-safe.
 */
public final class FaceTokenVerifier {
  static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
  static final Duration MAX_AUTH_AGE = Duration.ofSeconds(300);
  static final Duration SKEW = Duration.ofSeconds(30);
  /** The one refusal that is not the token's fault: the JWKS could not be read or fetched. */
  public static final String JWKS_UNAVAILABLE = "jwks_unavailable";

  private final String issuer;
  private final String audience;
  private final Clock clock;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public FaceTokenVerifier(String issuer, String audience, String jwks, Clock clock) throws KeySourceException {
    this(issuer, audience, jwks, clock, Duration.ofSeconds(10));
  }

  FaceTokenVerifier(String issuer, String audience, String jwks, Clock clock, Duration minRefresh) throws KeySourceException {
    this.issuer = issuer;
    this.audience = audience;
    this.clock = clock;
    JWKSource<SecurityContext> keys;
    if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
      try {
        keys = JWKSourceBuilder.create(URI.create(jwks).toURL()).retrying(true).build();
      } catch (java.net.MalformedURLException e) {
        throw new KeySourceException("bad JWKS URL", e);
      }
    } else {
      keys = new FileJwkSource(Path.of(jwks), clock, minRefresh);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED, keys));
    processor.setJWTClaimsSetVerifier(null);
  }

  public VerifiedFaceToken verify(String idToken) throws InvalidFaceTokenException {
    JWT parsed;
    try {
      parsed = JWTParser.parse(idToken);
    } catch (ParseException e) {
      throw new InvalidFaceTokenException("malformed");
    }
    if (!(parsed instanceof SignedJWT signed) || !ALLOWED.contains(signed.getHeader().getAlgorithm())) {
      throw new InvalidFaceTokenException("alg_not_allowed");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(signed, null);
    } catch (KeySourceException e) {
      // The provider's keys could not be had: our outage, not a bad token.
      throw new InvalidFaceTokenException(JWKS_UNAVAILABLE);
    } catch (BadJOSEException | JOSEException e) {
      throw new InvalidFaceTokenException("bad_signature");
    }
    return checkClaims(claims);
  }

  private VerifiedFaceToken checkClaims(JWTClaimsSet claims) throws InvalidFaceTokenException {
    Instant now = clock.instant();
    if (!issuer.equals(claims.getIssuer())) {
      throw new InvalidFaceTokenException("wrong_issuer");
    }
    List<String> audiences = claims.getAudience();
    if (audiences == null || !audiences.contains(audience)) {
      throw new InvalidFaceTokenException("wrong_audience");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null || !exp.toInstant().plus(SKEW).isAfter(now)) {
      throw new InvalidFaceTokenException("expired");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().isAfter(now.plus(SKEW))) {
      throw new InvalidFaceTokenException("not_yet_valid");
    }
    Instant authTime = instant(claims, "auth_time");
    if (authTime == null && claims.getIssueTime() != null) {
      authTime = claims.getIssueTime().toInstant();
    }
    if (authTime == null || authTime.isBefore(now.minus(MAX_AUTH_AGE)) || authTime.isAfter(now.plus(SKEW))) {
      throw new InvalidFaceTokenException("stale_auth");
    }
    List<String> amr;
    try {
      amr = claims.getStringListClaim("amr");
    } catch (ParseException e) {
      amr = null;
    }
    if (amr == null || !amr.contains("face")) {
      throw new InvalidFaceTokenException("no_face_amr");
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank()) {
      throw new InvalidFaceTokenException("missing_jti");
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new InvalidFaceTokenException("missing_subject");
    }
    return new VerifiedFaceToken(subject, jti, authTime, exp.toInstant());
  }

  private static Instant instant(JWTClaimsSet claims, String name) throws InvalidFaceTokenException {
    try {
      Date date = claims.getDateClaim(name);
      return date == null ? null : date.toInstant();
    } catch (ParseException e) {
      throw new InvalidFaceTokenException("malformed");
    }
  }
}
