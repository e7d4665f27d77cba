package org.pingyi.auth;

/** An ID token that was refused; {@link #reason()} is a short fixed word (for metrics), never token content. */
public final class InvalidFaceTokenException extends Exception {
  private final String reason;

  public InvalidFaceTokenException(String reason) {
    super(reason, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
