package org.pingyi.session;

import java.time.Instant;

/** The state of one session as PostgreSQL holds it. */
public record SessionStatus(String id, SessionState state, Instant stateChangedAt) {}
