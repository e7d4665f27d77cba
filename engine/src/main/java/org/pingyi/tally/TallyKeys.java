package org.pingyi.tally;

/**
 * Redis keys of the live tally. Each session's keys share the hash tag {@code {sessionId}}, so the tally script
 * touches one slot even on Redis Cluster.
 */
final class TallyKeys {
  static final String HIGH_WATER_MARK = "pingyi:projection:hwm";

  private TallyKeys() {}

  /** Set of representative ids already counted: the guard that makes replays harmless. */
  static String counted(String sessionId) {
    return "pingyi:{" + sessionId + "}:counted";
  }

  /** Hash district → ballots counted. */
  static String turnout(String sessionId) {
    return "pingyi:{" + sessionId + "}:turnout";
  }

  /** Hash "department|weightClass|grade" → ballots counted. */
  static String counts(String sessionId) {
    return "pingyi:{" + sessionId + "}:counts";
  }

  static String countField(String department, String weightClass, String grade) {
    return department + "|" + weightClass + "|" + grade;
  }
}
