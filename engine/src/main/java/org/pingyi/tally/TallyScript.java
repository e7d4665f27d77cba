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
 * The one Lua script that counts a ballot: it adds the representative to the session's counted set and, only
 * if they were not in it yet, increments turnout and every department's grade counter. Atomic in Redis, so a
 * replayed or re-projected ballot never counts twice.
 */
final class TallyScript {
  static final String SOURCE = """
      if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
      redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
      for i = 3, #ARGV do redis.call('HINCRBY', KEYS[3], ARGV[i], 1) end
      return 1
      """;
  static final String SHA = sha1(SOURCE);

  private final Vertx vertx;
  private final RedisStore redis;

  TallyScript(Vertx vertx, RedisStore redis) {
    this.vertx = vertx;
    this.redis = redis;
  }

  /** 1 when the ballot was counted now, 0 when it had been counted before. */
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
