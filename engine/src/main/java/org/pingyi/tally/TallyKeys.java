package org.pingyi.tally;

import org.pingyi.store.RedisStore;

/**
 * Redis keys of the live tally. Each session's keys share the hash tag {@code {sessionId}}, so the tally script
 * touches one slot even on Redis Cluster, and a session's counts and its high-water mark live on one master and
 * travel to its replicas in the order they were written.
 */
final class TallyKeys {
  private final RedisStore redis;

  TallyKeys(RedisStore redis) {
    this.redis = redis;
  }

  /**
   * The projection's high-water mark for one session: every ballot of it up to this id is counted. Kept beside the
   * counts, not once for all sessions: a replica promoted on a cluster may have lost some of a session's counts,
   * and then it has lost every later raise of that session's mark too.
   */
  String highWaterMark(String sessionId) {
    return redis.key("{" + sessionId + "}:hwm");
  }

  /** Set of representative ids already counted: the guard that makes replays harmless. */
  String counted(String sessionId) {
    return redis.key("{" + sessionId + "}:counted");
  }

  /** Hash district → ballots counted. */
  String turnout(String sessionId) {
    return redis.key("{" + sessionId + "}:turnout");
  }

  /** Hash "department|weightClass|grade" → ballots counted. */
  String counts(String sessionId) {
    return redis.key("{" + sessionId + "}:counts");
  }

  static String countField(String department, String weightClass, String grade) {
    return department + "|" + weightClass + "|" + grade;
  }
}
