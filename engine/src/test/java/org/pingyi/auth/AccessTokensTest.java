package org.pingyi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
  final AccessTokens tokens = new AccessTokens(AccessTokens.newSecret(), Duration.ofHours(4), Clock.systemUTC());

  @Test
  void aTokenCarriesTheRepresentativeIdAndNothingPersonal() {
    String token = tokens.issue("R000042", Instant.now().plusSeconds(60));
    assertEquals(Optional.of("R000042"), tokens.verify(token));
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertTrue(payload.contains("R000042"));
    assertFalse(payload.contains("face") || payload.contains("name") || payload.contains("phone"), payload);
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String[] parts = tokens.issue("R000042", Instant.now().plusSeconds(60)).split("\\.");
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(parts[1])).replace("R000042", "R000043").getBytes());
    assertEquals(Optional.empty(), tokens.verify(parts[0] + "." + forged + "." + parts[2]));
  }

  @Test
  void anExpiredTokenIsRefused() {
    assertEquals(Optional.empty(), tokens.verify(tokens.issue("R000042", Instant.now().minusSeconds(1))));
  }

  @Test
  void aTokenOfAnotherKeyOrAFaceIdTokenIsRefused() {
    AccessTokens other = new AccessTokens(AccessTokens.newSecret(), Duration.ofHours(4), Clock.systemUTC());
    assertEquals(Optional.empty(), tokens.verify(other.issue("R000042", Instant.now().plusSeconds(60))));
    DevFaceAuthProvider dev = new DevFaceAuthProvider(DevFaceAuthProvider.newKey(), Clock.systemUTC());
    assertEquals(Optional.empty(), tokens.verify(dev.signIdToken("R000042", "pingyi", "pingyi")));
    assertEquals(Optional.empty(), tokens.verify("garbage"));
  }

  @Test
  void aTokenLivesItsConfiguredLifetimeAndNoLifetimeAboveFourHoursIsAccepted() throws Exception {
    AccessTokens halfDay = new AccessTokens(AccessTokens.newSecret(), Duration.ofMinutes(90), Clock.systemUTC());
    var claims = SignedJWT.parse(halfDay.issue("R000042")).getJWTClaimsSet();
    assertEquals(90 * 60, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    assertThrows(IllegalArgumentException.class,
        () -> new AccessTokens(AccessTokens.newSecret(), Duration.ofHours(4).plusSeconds(1), Clock.systemUTC()));
  }
}
