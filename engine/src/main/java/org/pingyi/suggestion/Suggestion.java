package org.pingyi.suggestion;

import java.time.Instant;
import java.util.List;

/**
 * One suggestion as stored, without the author's phone (only whether one was given). {@code authorId} is a
 * pseudonym: a citizen's keyed hash or a representative's roster id.
 */
public record Suggestion(
    long id,
    String authorRole,
    String authorId,
    String topic,
    String department,
    String text,
    SuggestionStatus status,
    String lead,
    List<String> coHandlers,
    boolean hasPhone,
    Instant createdAt,
    Instant updatedAt,
    Instant assignedAt,
    Instant dueAt,
    Instant urgedAt,
    Instant overdueAt,
    String answer,
    Boolean adopted,
    String plan,
    Instant answeredAt,
    Boolean answeredOnTime,
    int answerRound,
    Boolean satisfied,
    String feedbackComment,
    Instant ratedAt,
    int reopenCount,
    Instant closedAt,
    Long mergedInto) {

  /** A department sees and acts only on what it leads or co-handles. */
  public boolean handledBy(String department) {
    return department.equals(lead) || coHandlers.contains(department);
  }

  public boolean overdue(Instant now) {
    return status.awaitsAnswer() && dueAt != null && !now.isBefore(dueAt);
  }
}
