package org.pingyi.ballot;

/** How the writer settled one submitted ballot. */
public sealed interface WriteOutcome {
  /** Committed now: 201. */
  record Stored(BallotReceipt receipt) implements WriteOutcome {}

  /** The same ballot with the same Idempotency-Key was committed before: 200 with the first answer. */
  record Replayed(BallotReceipt receipt) implements WriteOutcome {}

  /** Another ballot of this representative for this session exists: 409. */
  record AlreadyVoted() implements WriteOutcome {}

  /** The session does not take ballots (not yet open, or closed): 409. */
  record SessionNotOpen() implements WriteOutcome {}

  /** The representative is not (or no longer) active, or not in this session's electorate: 403. */
  record NotEligible() implements WriteOutcome {}
}
