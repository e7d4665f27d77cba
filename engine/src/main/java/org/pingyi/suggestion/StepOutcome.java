package org.pingyi.suggestion;

import java.util.List;
import org.pingyi.http.FieldError;

/** How a step of the loop was settled; the routes map each to an answer. */
public sealed interface StepOutcome {
  /** The step happened: 200 with the suggestion. */
  record Done(Suggestion suggestion) implements StepOutcome {}

  /** No such suggestion, or not one this department handles: 404 (a department learns nothing of others'). */
  record NotFound() implements StepOutcome {}

  /** This role may not take this step on it (a co-handler answering, a former lead transferring): 403. */
  record NotAllowed(String why) implements StepOutcome {}

  /** The step does not leave the state it is in (or someone else's click came first): 409 invalid_transition. */
  record WrongState(SuggestionStatus status, String why) implements StepOutcome {}

  /** The request names something impossible for this suggestion (transfer to its own lead, merge into itself): 422. */
  record Refused(List<FieldError> errors) implements StepOutcome {}
}
