package org.pingyi.tally;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.pingyi.Hashes;
import org.pingyi.store.RedisStore;

/** A Lua script of the live tally, run by its SHA-1 and sent in full only when Redis does not know it yet. */
final class TallyScript {
  /**
   * Counts ballots of one session. For each ballot it adds the representative to the session's counted set and,
   * only if they were not in it yet, counts their district and every department's grade. The increments of a whole
   * batch are summed first and written once per field. Atomic in Redis, so a replayed or re-projected ballot never
   * counts twice. ARGV, per ballot: representative, district, number of grade fields n, then the n fields.
   */
  static final String SOURCE = """
      local turnout, counts, counted, i = {}, {}, 0, 1
      while i <= #ARGV do
        local n = tonumber(ARGV[i + 2])
        if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
          counted = counted + 1
          turnout[ARGV[i + 1]] = (turnout[ARGV[i + 1]] or 0) + 1
          for j = i + 3, i + 2 + n do counts[ARGV[j]] = (counts[ARGV[j]] or 0) + 1 end
        end
        i = i + 3 + n
      end
      for field, n in pairs(turnout) do redis.call('HINCRBY', KEYS[2], field, n) end
      for field, n in pairs(counts) do redis.call('HINCRBY', KEYS[3], field, n) end
      return counted
      """;
  /** Raises the projection's high-water mark (KEYS[1]) to ARGV[1], never lowers it. */
  static final String RAISE_MARK = """
      local v = tonumber(redis.call('GET', KEYS[1]) or '0')
      if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1]) end
      return 1
      """;

  private final Vertx vertx;
  private final RedisStore redis;
  private final String source;
  private final String sha;

  TallyScript(Vertx vertx, RedisStore redis, String source) {
    this.vertx = vertx;
    this.redis = redis;
    this.source = source;
    this.sha = Hashes.sha1Hex(source);
  }

  /** The script's integer answer: for {@link #SOURCE}, how many of the ballots were counted now. */
  Future<Long> run(String[] keys, String... args) {
    return redis.<Long>call(vertx, c -> c.evalsha(sha, ScriptOutputType.INTEGER, keys, args))
        .recover(e -> e instanceof RedisNoScriptException
            ? redis.call(vertx, c -> c.eval(source, ScriptOutputType.INTEGER, keys, args))
            : Future.failedFuture(e));
  }
}
