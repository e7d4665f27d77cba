package org.pingyi.support;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;

/** Ballot bodies for tests. */
public final class Ballots {
  public static final List<String> ECON1 = List.of("D01", "D02", "D03", "D04", "D05", "D06", "D07", "D08");
  public static final List<String> GRADES = List.of("satisfied", "fairly_satisfied", "basically_satisfied", "dissatisfied");

  private Ballots() {}

  public static JsonObject all(List<String> departments, String grade) {
    JsonObject scores = new JsonObject();
    departments.forEach(d -> scores.put(d, grade));
    return new JsonObject().put("scores", scores);
  }

  public static JsonObject random(List<String> departments, Random random) {
    JsonObject scores = new JsonObject();
    departments.forEach(d -> scores.put(d, GRADES.get(random.nextInt(GRADES.size()))));
    return new JsonObject().put("scores", scores);
  }
}
