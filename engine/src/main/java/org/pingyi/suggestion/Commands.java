package org.pingyi.suggestion;

import java.util.List;

/** The requests of the loop, parsed and checked once at the edge ({@link SuggestionBodies}). */
public final class Commands {
  private Commands() {}

  /** A new suggestion; department and phone may be null. */
  public record Submission(String topic, String department, String text, String phone) {}

  public record Assignment(String lead, List<String> coHandlers) {}

  public record Transfer(String to, String reason) {}

  public record Answer(String answer, boolean adopted, String plan) {}

  public record Merge(long into) {}

  public record Feedback(boolean satisfied, String comment) {}
}
