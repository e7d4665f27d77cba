package org.pingyi.auth;

/**
 * An authenticated admin: the role, a token id (a prefix of the token's hash) for the audit log, and for the
 * department role the department's code (null otherwise).
 */
public record Admin(AdminRole role, String tokenId, String department) {
  public Admin(AdminRole role, String tokenId) {
    this(role, tokenId, null);
  }

  /** The role as configured: operator, auditor or department:&lt;code&gt;. */
  public String roleName() {
    return role == AdminRole.department ? "department:" + department : role.name();
  }

  public String actor() {
    return roleName() + ":" + tokenId;
  }
}
