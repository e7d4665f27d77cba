package org.pingyi.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collector;

/** A prepared query whose failures are also shown to {@code watch} (the {@link PrimaryPool}). */
final class WatchedPreparedQuery<T> implements PreparedQuery<T> {
  private final PreparedQuery<T> query;
  private final Consumer<Throwable> watch;

  WatchedPreparedQuery(PreparedQuery<T> query, Consumer<Throwable> watch) {
    this.query = query;
    this.watch = watch;
  }

  @Override
  public Future<T> execute() {
    return query.execute().onFailure(watch::accept);
  }

  @Override
  public Future<T> execute(Tuple tuple) {
    return query.execute(tuple).onFailure(watch::accept);
  }

  @Override
  public Future<T> executeBatch(List<Tuple> batch) {
    return query.executeBatch(batch).onFailure(watch::accept);
  }

  @Override
  public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
    return new WatchedPreparedQuery<>(query.collecting(collector), watch);
  }

  @Override
  public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
    return new WatchedPreparedQuery<>(query.mapping(mapper), watch);
  }
}
