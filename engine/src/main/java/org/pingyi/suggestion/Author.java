package org.pingyi.suggestion;

import org.pingyi.auth.AccessTokens;

/** Who suggests: a citizen (a pseudonym) or a representative (a roster id), from the engine's access token. */
public record Author(AccessTokens.Role role, String id) {
  /** For the trail and the audit log: citizen:c… or representative:R… (both pseudonymous). */
  public String actor() {
    return role.name() + ":" + id;
  }
}
