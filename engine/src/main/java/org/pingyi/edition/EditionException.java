package org.pingyi.edition;

/** An edition file the engine refuses to start with; the message names the file and the line or key. */
public final class EditionException extends RuntimeException {
  public EditionException(String message) {
    super(message);
  }
}
