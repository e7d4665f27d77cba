package org.pingyi.session;

import java.time.Instant;

/**
 * The state of one session as PostgreSQL holds it, and its closing time there (the edition's, or later when an
 * operator extended it; null where the reader did not ask for it).
 */
public record SessionStatus(String id, SessionState state, Instant stateChangedAt, Instant closesAt) {
  public SessionStatus(String id, SessionState state, Instant stateChangedAt) {
    this(id, state, stateChangedAt, null);
  }
}
