package org.pingyi.tally;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.pingyi.store.RedisStore;

/**
 * The one Lua script that counts ballots of one session. For each ballot it adds the representative to the
 * session's counted set and, only if they were not in it yet, counts their district and every department's grade.
 * The increments of a whole batch are summed first and written once per field. Atomic in Redis, so a replayed or
 * re-projected ballot never counts twice.
 * ARGV, per ballot: representative, district, number of grade fields n, then the n fields.
 */
final class TallyScript {
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
  static final String SHA = sha1(SOURCE);

  private final Vertx vertx;
  private final RedisStore redis;

  TallyScript(Vertx vertx, RedisStore redis) {
    this.vertx = vertx;
    this.redis = redis;
  }

  /** How many of the ballots were counted now (the others had been counted before). */
  Future<Long> run(String[] keys, String[] args) {
    return redis.<Long>call(vertx, c -> c.evalsha(SHA, ScriptOutputType.INTEGER, keys, args))
        .recover(e -> e instanceof RedisNoScriptException
            ? redis.call(vertx, c -> c.eval(SOURCE, ScriptOutputType.INTEGER, keys, args))
            : Future.failedFuture(e));
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
