package org.pingyi.results;

/** The verifier's first difference, thrown to stop the check where it was found; becomes "NOT VERIFIED: …". */
final class VerifyRefusal extends RuntimeException {
  VerifyRefusal(String message) {
    super(message, null, false, false);
  }

  static VerifyRefusal of(String message) {
    return new VerifyRefusal(message);
  }
}
