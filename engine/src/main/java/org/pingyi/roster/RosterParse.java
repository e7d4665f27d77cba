package org.pingyi.roster;

import java.util.List;
import org.pingyi.http.FieldError;

/** What reading a roster CSV gave: the entries, or every bad line (then nothing may be imported). */
public record RosterParse(List<RosterEntry> entries, List<FieldError> errors) {
  public boolean ok() {
    return errors.isEmpty();
  }
}
