package org.pingyi.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collector;

/** A query whose failures are also shown to {@code watch} (the {@link PrimaryPool}); results pass through unchanged. */
final class WatchedQuery<T> implements Query<T> {
  private final Query<T> query;
  private final Consumer<Throwable> watch;

  WatchedQuery(Query<T> query, Consumer<Throwable> watch) {
    this.query = query;
    this.watch = watch;
  }

  @Override
  public Future<T> execute() {
    return query.execute().onFailure(watch::accept);
  }

  @Override
  public <R> Query<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
    return new WatchedQuery<>(query.collecting(collector), watch);
  }

  @Override
  public <U> Query<RowSet<U>> mapping(Function<Row, U> mapper) {
    return new WatchedQuery<>(query.mapping(mapper), watch);
  }
}
