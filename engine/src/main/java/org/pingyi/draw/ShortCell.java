package org.pingyi.draw;

import java.util.List;
import java.util.stream.Collectors;
import org.pingyi.http.FieldError;

/**
 * A cell the pool cannot fill: how many eligible candidates and new ones it lacks, and the relaxations that would
 * each make it feasible. The cell "roster/all" stands for the roster-wide minimum new share.
 */
public record ShortCell(String category, String district, int seats, int eligible, int minNew, int fresh,
    int missingCandidates, int missingNew, List<Relaxation> relaxations) {

  static ShortCell roster(int seats, int floors, int required) {
    return new ShortCell("roster", "all", seats, seats, required, floors, 0, required - floors, List.of());
  }

  public String cell() {
    return category + "/" + district;
  }

  /** One line: what is short, by how many, and what would help. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if ("roster".equals(category)) {
      b.append("the cells' new-seat floors add up to ").append(fresh).append(" of ").append(seats)
          .append(" seats, ").append(missingNew).append(" short of the minimum new share (").append(minNew).append(")");
      return b.toString();
    }
    if (missingCandidates > 0) {
      b.append("short by ").append(missingCandidates).append(" eligible candidate(s) (").append(eligible)
          .append(" for ").append(seats).append(" seats)");
    }
    if (missingNew > 0) {
      b.append(b.length() > 0 ? " and " : "").append("short by ").append(missingNew).append(" new candidate(s) (")
          .append(fresh).append(" for a floor of ").append(minNew).append(" new)");
    }
    b.append(relaxations.isEmpty() ? "; no relaxation of the quota table suffices: add candidates to the pool"
        : "; would be feasible if you " + relaxations.stream().map(Relaxation::describe).collect(Collectors.joining(", or "))
            + " (or add candidates to the pool)");
    return b.toString();
  }

  public FieldError toFieldError() {
    return new FieldError("cell " + cell(), describe());
  }
}
