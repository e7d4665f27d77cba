package org.pingyi.auth;

/** An authenticated admin: the role and a token id (a prefix of the token's hash) for the audit log. */
public record Admin(AdminRole role, String tokenId) {
  public String actor() {
    return role + ":" + tokenId;
  }
}
