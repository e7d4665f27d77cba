package org.pingyi.session;

/** Where a session is in its evening; the lifecycle only moves forward. */
public enum SessionState {
  scheduled, open, closed, sealed, published;

  public boolean resultsFinal() {
    return this == sealed || this == published;
  }
}
