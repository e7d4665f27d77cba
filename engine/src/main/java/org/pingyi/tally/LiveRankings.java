package org.pingyi.tally;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingyi.edition.Edition;
import org.pingyi.results.DepartmentResult;
import org.pingyi.results.DepartmentTally;
import org.pingyi.results.EditionScoring;
import org.pingyi.results.Scoring;

/** The live ranking: the final results' formula applied to the Redis counters. */
final class LiveRankings {
  private final Edition edition;

  LiveRankings(Edition edition) {
    this.edition = edition;
  }

  JsonObject payload(Edition.Session session, LiveTally.SessionCounters counters) {
    List<DepartmentTally> tallies = new ArrayList<>();
    for (Edition.Department d : edition.departmentsOf(session)) {
      tallies.add(new DepartmentTally(d.code(), counters.countsByDepartment().getOrDefault(d.code(), Map.of())));
    }
    List<DepartmentResult> ranked = Scoring.rank(EditionScoring.grades(edition), EditionScoring.weightClasses(edition), tallies);
    JsonArray rankings = new JsonArray();
    for (DepartmentResult r : ranked) {
      String name = edition.departmentsOf(session).stream().filter(d -> d.code().equals(r.code())).findFirst()
          .map(Edition.Department::name).orElse(r.code());
      rankings.add(new JsonObject()
          .put("rank", r.rank())
          .put("department", new JsonObject().put("code", r.code()).put("name", name))
          .put("score", r.score())
          .put("votes", r.votes()));
    }
    return new JsonObject().put("asOf", Instant.now().toString()).put("voted", counters.voted()).put("rankings", rankings);
  }
}
