package org.pingyi.suggestion;

/** How a new suggestion was settled. */
public sealed interface SubmitOutcome {
  /** Stored with its first trail step: 201. */
  record Created(Suggestion suggestion) implements SubmitOutcome {}

  /** The author's suggestions of the day are used up: 429 with Retry-After (seconds to local midnight). */
  record RateLimited(long retryAfterSeconds) implements SubmitOutcome {}

  /** A representative's token whose representative is no longer active: 403 (a citizen sign-in still works). */
  record NotEligible() implements SubmitOutcome {}
}
