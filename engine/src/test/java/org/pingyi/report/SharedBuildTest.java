package org.pingyi.report;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedBuildTest {
  private final Vertx vertx = Vertx.vertx();
  private final SharedBuild<String> shared = new SharedBuild<>();
  private final AtomicInteger builds = new AtomicInteger();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, SECONDS);
  }

  @Test
  void requestsDuringABuildShareItAndTheNextRequestBuildsAfresh() throws Exception {
    Promise<String> running = Promise.promise();
    Future<String> first = shared.get(() -> counted(running.future()));
    Future<String> second = shared.get(() -> counted(Future.succeededFuture("a second build")));
    assertEquals(1, builds.get(), "the second request joined the running build");
    running.complete("the build");
    assertEquals("the build", await(first));
    assertEquals("the build", await(second));

    assertEquals("a later build", await(shared.get(() -> counted(Future.succeededFuture("a later build")))));
    assertEquals(2, builds.get(), "a finished build is not kept: the next request reads afresh");
  }

  @Test
  void aFailedBuildFailsItsRequestsAndIsNotKept() throws Exception {
    Promise<String> running = Promise.promise();
    Future<String> first = shared.get(() -> counted(running.future()));
    Future<String> second = shared.get(() -> counted(Future.succeededFuture("unused")));
    running.fail(new IllegalStateException("database lost"));
    assertEquals("database lost", assertThrows(ExecutionException.class, () -> await(first)).getCause().getMessage());
    assertEquals("database lost", assertThrows(ExecutionException.class, () -> await(second)).getCause().getMessage());
    assertEquals("again", await(shared.get(() -> counted(Future.succeededFuture("again")))));
    assertEquals(2, builds.get());
  }

  @Test
  void eachCallerIsAnsweredOnItsOwnContext() throws Exception {
    Promise<String> running = Promise.promise();
    Context one = vertx.getOrCreateContext();
    Context two = vertx.getOrCreateContext();
    CompletableFuture<Context> answeredOnOne = new CompletableFuture<>();
    CompletableFuture<Context> answeredOnTwo = new CompletableFuture<>();
    CompletableFuture<Void> askedOnOne = new CompletableFuture<>();
    CompletableFuture<Void> askedOnTwo = new CompletableFuture<>();
    one.runOnContext(v -> {
      shared.get(() -> counted(running.future())).onComplete(done -> answeredOnOne.complete(Vertx.currentContext()));
      askedOnOne.complete(null);
    });
    two.runOnContext(v -> {
      shared.get(() -> counted(running.future())).onComplete(done -> answeredOnTwo.complete(Vertx.currentContext()));
      askedOnTwo.complete(null);
    });
    CompletableFuture.allOf(askedOnOne, askedOnTwo).get(10, SECONDS);
    assertEquals(1, builds.get());
    two.runOnContext(v -> running.complete("built on two"));
    assertSame(one, answeredOnOne.get(10, SECONDS));
    assertSame(two, answeredOnTwo.get(10, SECONDS));
  }

  private Future<String> counted(Future<String> build) {
    builds.incrementAndGet();
    return build;
  }

  private static String await(Future<String> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, SECONDS);
  }
}
