package org.pingyi.auth;

import java.time.Instant;

/** What a verified face-auth ID token says: whose face, which token (jti), when authenticated, until when valid. */
public record VerifiedFaceToken(String subject, String jti, Instant authTime, Instant expiresAt) {
  @Override
  public String toString() {
    return "VerifiedFaceToken[authTime=" + authTime + ", expiresAt=" + expiresAt + "]";
  }
}
