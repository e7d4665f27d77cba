package org.pingyi.draw;

import java.time.Instant;
import java.util.List;
import org.pingyi.http.FieldError;
import org.pingyi.roster.RosterImporter;

/** How a step of the office's draw ended; {@code DrawRoutes} maps each to an answer. */
public sealed interface DrawStep {
  record Done(DrawRecord draw) implements DrawStep {}

  /** Adopted: the roster import's counts. */
  record Adopted(DrawRecord draw, RosterImporter.Outcome imported) implements DrawStep {}

  record NotFound() implements DrawStep {}

  /** The step does not follow from where the draw stands. */
  record WrongState(DrawState state) implements DrawStep {}

  /** The announced seed is not due yet. */
  record SeedNotDue(Instant knownAt) implements DrawStep {}

  /** The announced time has passed already: a seed known now could have been fitted by the pool. */
  record KnownAtNotAhead() implements DrawStep {}

  /** Another draw for this edition and year is under way or adopted. */
  record AlreadyUnderWay(String year) implements DrawStep {}

  record BadPool(List<FieldError> errors) implements DrawStep {}

  record Infeasible(List<ShortCell> cells) implements DrawStep {}
}
