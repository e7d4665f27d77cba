package org.pingyi.draw;

import java.util.List;
import org.pingyi.http.FieldError;

/** How a draw ended; the command line maps it to an exit code, the API to an answer. */
public sealed interface DrawOutcome {
  /** Drawn: roster.csv and draw.json were written. */
  record Drawn(DrawSummary summary) implements DrawOutcome {}

  /** The pool file has bad lines (each listed, without personal data); nothing was drawn. */
  record BadPool(List<FieldError> errors) implements DrawOutcome {}

  /** The pool cannot meet the quotas; every short cell with what would help. Nothing was drawn. */
  record Infeasible(List<ShortCell> cells) implements DrawOutcome {
    public List<FieldError> errors() {
      return cells.stream().map(ShortCell::toFieldError).toList();
    }
  }
}
