package org.pingyi.roster;

/** How a withdrawal was settled. */
public sealed interface WithdrawalOutcome {
  /** Withdrawn; {@code promoted} is the alternate who took the seat, or null when none could. */
  record Withdrawn(String withdrawn, String promoted) implements WithdrawalOutcome {}

  /** No representative has this id: 404. */
  record Unknown() implements WithdrawalOutcome {}

  /** Withdrawn before: 409. */
  record AlreadyWithdrawn() implements WithdrawalOutcome {}
}
