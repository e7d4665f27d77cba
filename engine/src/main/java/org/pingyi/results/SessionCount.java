package org.pingyi.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.edition.Edition;

/** Sealed ballots counted one by one: the chain and the per-department, per-class, per-grade counters. */
public final class SessionCount {
  private final Edition edition;
  private final Edition.Session session;
  private final BallotChain chain;
  private final Map<String, Map<String, Map<String, Long>>> counts = new HashMap<>();

  public SessionCount(Edition edition, Edition.Session session) {
    this.edition = edition;
    this.session = session;
    this.chain = new BallotChain(session.id());
  }

  /** Counts the ballot into the tallies and the chain; answers its chain hash. */
  public String add(CanonicalBallot ballot) {
    ballot.scores().forEach((department, grade) -> counts.computeIfAbsent(department, d -> new HashMap<>())
        .computeIfAbsent(ballot.weightClass(), k -> new HashMap<>())
        .merge(grade, 1L, Long::sum));
    return chain.add(ballot);
  }

  public long ballots() {
    return chain.length();
  }

  public String chainRoot() {
    return chain.root();
  }

  public List<DepartmentResult> results() {
    List<DepartmentTally> tallies = new ArrayList<>();
    for (Edition.Department d : edition.departmentsOf(session)) {
      tallies.add(new DepartmentTally(d.code(), counts.getOrDefault(d.code(), Map.of())));
    }
    return Scoring.rank(EditionScoring.grades(edition), EditionScoring.weightClasses(edition), tallies);
  }
}
