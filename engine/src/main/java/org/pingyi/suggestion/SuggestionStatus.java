package org.pingyi.suggestion;

/**
 * Where a suggestion stands. received → assigned → answered → closed; an answer the author is not satisfied with
 * makes it reopened (back with the lead, a new deadline), which is answered again; a duplicate is merged into
 * another and follows that one's answer.
 */
public enum SuggestionStatus {
  received, assigned, answered, closed, reopened, merged;

  /** With a department, waiting for its answer. */
  public boolean awaitsAnswer() {
    return this == assigned || this == reopened;
  }
}
