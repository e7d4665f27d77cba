package org.pingyi.outreach;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingyi.edition.Edition;

/**
 * The questionnaire's aggregates: per question the count per option, the scale mean, the number of texts (never the
 * texts). Each representative counts once per edition: their first ballot that carried answers. The console reads
 * them over every ballot so far ({@link #all}); the edition report over sealed sessions only ({@link #sealed}).
 */
public final class SurveyAggregates {
  /** $2: only ballots of sealed or published sessions. */
  static final String ANSWERS = """
      SELECT q.key AS question, q.value AS answer, count(*) AS n
      FROM (SELECT DISTINCT ON (b.representative_id) b.survey
            FROM ballots b JOIN sessions s ON s.id = b.session_id
            WHERE s.edition_id = $1 AND b.survey <> '{}'::jsonb AND (NOT $2 OR s.state IN ('sealed', 'published'))
            ORDER BY b.representative_id, b.id) first_answers,
           jsonb_each(first_answers.survey) AS q
      GROUP BY 1, 2""";
  static final String RESPONDENTS = """
      SELECT count(DISTINCT b.representative_id) FROM ballots b JOIN sessions s ON s.id = b.session_id
      WHERE s.edition_id = $1 AND b.survey <> '{}'::jsonb AND (NOT $2 OR s.state IN ('sealed', 'published'))""";

  private final Edition edition;
  private final Pool pool;

  public SurveyAggregates(Edition edition, Pool pool) {
    this.edition = edition;
    this.pool = pool;
  }

  /** Over every ballot committed so far. */
  public Future<JsonObject> all() {
    return aggregates(false);
  }

  /** Over the ballots of sealed and published sessions only: figures that no longer move. */
  public Future<JsonObject> sealed() {
    return aggregates(true);
  }

  private Future<JsonObject> aggregates(boolean sealedOnly) {
    Tuple parameters = Tuple.of(edition.id(), sealedOnly);
    Future<Long> respondents = pool.preparedQuery(RESPONDENTS).execute(parameters)
        .map(rows -> rows.iterator().next().getLong(0));
    Future<Map<String, Map<Object, Long>>> answers = pool.preparedQuery(ANSWERS).execute(parameters).map(rows -> {
      Map<String, Map<Object, Long>> byQuestion = new LinkedHashMap<>();
      rows.forEach(r -> byQuestion.computeIfAbsent(r.getString("question"), q -> new LinkedHashMap<>())
          .merge(r.getValue("answer"), r.getLong("n"), Long::sum));
      return byQuestion;
    });
    return Future.all(respondents, answers).map(v -> {
      JsonArray questions = new JsonArray();
      for (Edition.Question q : edition.questions()) {
        questions.add(aggregate(q, answers.result().getOrDefault(q.id(), Map.of())));
      }
      return new JsonObject().put("editionId", edition.id()).put("respondents", respondents.result()).put("questions", questions);
    });
  }

  private static JsonObject aggregate(Edition.Question q, Map<Object, Long> answers) {
    JsonObject out = new JsonObject().put("id", q.id()).put("area", q.area()).put("kind", q.kind().name()).put("text", q.text());
    long answered = 0;
    switch (q.kind()) {
      case single, multiple -> {
        Map<String, Long> counts = new LinkedHashMap<>();
        q.options().forEach(o -> counts.put(o.code(), 0L));
        for (var e : answers.entrySet()) {
          answered += e.getValue();
          for (Object code : e.getKey() instanceof JsonArray list ? list : new JsonArray().add(e.getKey())) {
            counts.merge(String.valueOf(code), e.getValue(), Long::sum);
          }
        }
        JsonObject options = new JsonObject();
        counts.forEach(options::put);
        out.put("counts", options);
      }
      case scale -> {
        long sum = 0;
        JsonObject counts = new JsonObject();
        for (int n = 1; n <= 5; n++) {
          counts.put(String.valueOf(n), 0L);
        }
        for (var e : answers.entrySet()) {
          int value = ((Number) e.getKey()).intValue();
          answered += e.getValue();
          sum += value * e.getValue();
          counts.put(String.valueOf(value), e.getValue());
        }
        out.put("counts", counts).put("mean", answered == 0 ? null
            : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answered), 2, RoundingMode.HALF_UP));
      }
      case text -> answered = answers.values().stream().mapToLong(Long::longValue).sum();
      default -> { }
    }
    return out.put("answered", answered);
  }
}
