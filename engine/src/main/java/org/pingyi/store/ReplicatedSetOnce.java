package org.pingyi.store;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pingyi.store.RedisStore.SetOnce;

/**
 * SET NX that is acknowledged only once a replica holds it, so a key set before the master dies is still set on the
 * replica that Sentinel or the Cluster promotes (they promote the replica with the most replicated data). Redis
 * replicates asynchronously; {@code WAIT} blocks the connection it is sent on, so these writes have connections of
 * their own, and the keys set while one WAIT is out share the next one (a login burst costs one round per
 * replication round trip, not one per login). A master without replicas cannot fail over, so there the key is
 * acknowledged as set. When no replica confirms in time the key is deleted again and the caller hears
 * {@link SetOnce#NOT_REPLICATED}: nothing was spent, the client may retry.
 */
final class ReplicatedSetOnce {
  static final long WAIT_MS = 500;

  private final Function<String, CompletionStage<StatefulRedisConnection<String, String>>> masterOf;
  private final Map<StatefulRedisConnection<String, String>, Round> rounds = new ConcurrentHashMap<>();

  ReplicatedSetOnce(Function<String, CompletionStage<StatefulRedisConnection<String, String>>> masterOf) {
    this.masterOf = masterOf;
  }

  CompletionStage<SetOnce> set(String key, long ttlSeconds) {
    return masterOf.apply(key).thenCompose(connection -> connection.async()
        .set(key, "1", SetArgs.Builder.nx().ex(ttlSeconds))
        .thenCompose(ok -> "OK".equals(ok)
            ? rounds.computeIfAbsent(connection, Round::new).join(key)
            : CompletableFuture.completedFuture(SetOnce.ALREADY_SET)));
  }

  private record Waiter(String key, CompletableFuture<SetOnce> outcome) {}

  /** The keys set on one connection waiting for their replica; one round (ROLE, WAIT, EXISTS) at a time. */
  private static final class Round {
    private final RedisAsyncCommands<String, String> commands;
    private List<Waiter> queued = new ArrayList<>();
    private boolean running;

    Round(StatefulRedisConnection<String, String> connection) {
      this.commands = connection.async();
    }

    CompletionStage<SetOnce> join(String key) {
      Waiter waiter = new Waiter(key, new CompletableFuture<>());
      List<Waiter> start;
      synchronized (this) {
        queued.add(waiter);
        start = running ? null : take();
      }
      if (start != null) {
        run(start);
      }
      return waiter.outcome();
    }

    private List<Waiter> take() {
      List<Waiter> round = queued;
      queued = new ArrayList<>();
      running = !round.isEmpty();
      return round;
    }

    /** Every key of the round was SET on this connection before the WAIT is sent, so the WAIT covers them. */
    private void run(List<Waiter> round) {
      commands.role()
          .thenCompose(role -> replicas(role) == 0
              ? CompletableFuture.completedFuture(true)
              : commands.waitForReplication(1, WAIT_MS).thenApply(acknowledged -> acknowledged >= 1))
          .thenCompose(replicated -> settle(round, replicated))
          .whenComplete((v, failure) -> {
            if (failure != null) {
              round.forEach(w -> w.outcome().completeExceptionally(failure));
            }
            List<Waiter> next;
            synchronized (this) {
              next = take();
            }
            if (!next.isEmpty()) {
              run(next);
            }
          });
    }

    /**
     * A key is acknowledged only if this server still holds it: the connection may have moved to a new master
     * between the SET and the WAIT, and the new master may never have received it.
     */
    private CompletionStage<Void> settle(List<Waiter> round, boolean replicated) {
      List<CompletableFuture<Void>> done = new ArrayList<>(round.size());
      for (Waiter w : round) {
        if (!replicated) {
          done.add(commands.del(w.key()).toCompletableFuture()
              .handle((n, e) -> w.outcome().complete(SetOnce.NOT_REPLICATED)).thenApply(b -> null));
        } else {
          done.add(commands.exists(w.key()).toCompletableFuture()
              .thenAccept(n -> w.outcome().complete(n == 1 ? SetOnce.SET : SetOnce.NOT_REPLICATED)));
        }
      }
      return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    }

    /** ROLE on a master: ["master", offset, [[host, port, offset], …]]; anything else has no replicas of its own. */
    private static int replicas(List<Object> role) {
      return role.size() >= 3 && "master".equals(String.valueOf(role.get(0))) && role.get(2) instanceof List<?> list
          ? list.size() : 0;
    }
  }
}
