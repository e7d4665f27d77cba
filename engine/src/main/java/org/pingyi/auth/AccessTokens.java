package org.pingyi.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import javax.crypto.Mac;
import org.pingyi.config.EngineConfig;

/**
 * The engine's own bearer tokens: HS256 JWTs (Nimbus) under a key every instance reads from the same file (never
 * from the database), so any instance verifies one with an HMAC and no database round trip. The typ header keeps
 * them apart from face-auth ID tokens. They carry only a pseudonymous id and a role claim: a representative (the
 * roster id; a token without the claim is one) or a citizen (a {@link CitizenIds} pseudonym, never the face
 * subject), and live at most {@link EngineConfig#MAX_ACCESS_TOKEN_LIFETIME}.
 */
public final class AccessTokens {
  static final JOSEObjectType TYPE = new JOSEObjectType("pingyi-access+jwt");
  static final String ISSUER = "pingyi";
  static final String ROLE = "role";

  /** Who holds a token: representatives score and suggest, citizens only suggest. */
  public enum Role { representative, citizen }

  /** A verified token's holder. */
  public record Holder(Role role, String id) {}
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Clock clock;
  private final Duration lifetime;

  public AccessTokens(byte[] secret, Duration lifetime, Clock clock) {
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(EngineConfig.MAX_ACCESS_TOKEN_LIFETIME) > 0) {
      throw new IllegalArgumentException("an access token lives at most " + EngineConfig.MAX_ACCESS_TOKEN_LIFETIME);
    }
    this.lifetime = lifetime;
    try {
      this.signer = new MACSigner(secret);
      this.verifier = new MACVerifier(secret);
      // Named once: without it every verification looks HmacSHA256 up across the JVM's providers.
      Provider hmac = Mac.getInstance("HmacSHA256").getProvider();
      signer.getJCAContext().setProvider(hmac);
      verifier.getJCAContext().setProvider(hmac);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the access-token key must be at least 256 bits", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no HmacSHA256", e);
    }
    this.clock = clock;
  }

  public static byte[] newSecret() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return secret;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** A token for this representative that expires after the configured lifetime. */
  public String issue(String representativeId) {
    return issue(representativeId, clock.instant().plus(lifetime));
  }

  /** A token for this holder that expires after the configured lifetime. */
  public String issue(Role role, String subject) {
    return issue(role, subject, clock.instant().plus(lifetime));
  }

  public String issue(String representativeId, Instant expiresAt) {
    return issue(Role.representative, representativeId, expiresAt);
  }

  public String issue(Role role, String subject, Instant expiresAt) {
    byte[] id = new byte[12];
    RANDOM.nextBytes(id);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .claim(ROLE, role.name())
        .issueTime(Date.from(clock.instant()))
        .expirationTime(Date.from(expiresAt))
        .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(id))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** The representative id, when the token is ours, intact, unexpired and a representative's. */
  public Optional<String> verify(String token) {
    return holder(token).filter(h -> h.role() == Role.representative).map(Holder::id);
  }

  /** Who holds the token, when it is ours, intact and unexpired. */
  public Optional<Holder> holder(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
          || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date exp = claims.getExpirationTime();
      if (!ISSUER.equals(claims.getIssuer()) || exp == null || !exp.toInstant().isAfter(clock.instant())
          || claims.getSubject() == null) {
        return Optional.empty();
      }
      String role = claims.getStringClaim(ROLE);
      if (role == null || Role.representative.name().equals(role)) {
        return Optional.of(new Holder(Role.representative, claims.getSubject()));
      }
      return Role.citizen.name().equals(role) ? Optional.of(new Holder(Role.citizen, claims.getSubject())) : Optional.empty();
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
