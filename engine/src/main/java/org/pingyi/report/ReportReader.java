package org.pingyi.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingyi.edition.Edition;
import org.pingyi.outreach.SurveyAggregates;
import org.pingyi.report.EditionReport.ClassMean;
import org.pingyi.report.EditionReport.DistrictTurnout;
import org.pingyi.report.EditionReport.OptionCount;
import org.pingyi.report.EditionReport.Question;
import org.pingyi.report.EditionReport.Ranked;
import org.pingyi.report.EditionReport.Sealed;
import org.pingyi.report.EditionReport.SessionPart;
import org.pingyi.report.EditionReport.Survey;
import org.pingyi.session.SessionState;
import org.pingyi.suggestion.SuggestionFigures;
import org.pingyi.suggestion.SuggestionStats;
import org.pingyi.tally.Turnout;

/**
 * Gathers the edition report from PostgreSQL (the public-reads pool): each sealed session's results document as
 * signed (its weight-class small cells were suppressed before it was sealed), its turnout from the ballots
 * ({@link Turnout#sealed}, district small cells suppressed as in the live view), the survey over sealed sessions, the
 * suggestion figures as of now. Never a Redis figure.
 */
final class ReportReader {
  private final Edition edition;
  private final String editionSha256;
  private final Pool pool;
  private final Turnout turnout;
  private final SurveyAggregates survey;
  private final SuggestionStats suggestions;

  ReportReader(Edition edition, String editionSha256, Pool pool, Turnout turnout, SurveyAggregates survey,
      SuggestionStats suggestions) {
    this.edition = edition;
    this.editionSha256 = editionSha256;
    this.pool = pool;
    this.turnout = turnout;
    this.survey = survey;
    this.suggestions = suggestions;
  }

  /** The sessions' states, in the edition's order (a session the database does not hold yet is scheduled). */
  Future<Map<String, SessionState>> states() {
    return pool.preparedQuery(ReportSql.STATES).execute(Tuple.of(edition.id())).map(rows -> {
      Map<String, SessionState> states = new LinkedHashMap<>();
      edition.sessions().forEach(s -> states.put(s.id(), SessionState.scheduled));
      rows.forEach(row -> states.computeIfPresent(row.getString("id"), (id, s) -> SessionState.valueOf(row.getString("state"))));
      return states;
    });
  }

  /** The whole report as of {@code asOf} (the suggestions' overdue figures are judged against it). */
  Future<EditionReport> read(Instant asOf) {
    Future<List<SessionPart>> sessions = sessions();
    Future<Survey> answers = survey.sealed().map(this::toSurvey);
    Future<SuggestionFigures> figures = suggestions.compute(asOf);
    return Future.all(sessions, answers, figures).map(v -> new EditionReport(edition.id(), edition.name(), editionSha256,
        edition.minCellSize(), asOf, sessions.result(), answers.result(), figures.result()));
  }

  private Future<List<SessionPart>> sessions() {
    Future<Map<String, Row>> stored = pool.preparedQuery(ReportSql.SESSIONS).execute(Tuple.of(edition.id())).map(rows -> {
      Map<String, Row> byId = new HashMap<>();
      rows.forEach(row -> byId.put(row.getString("id"), row));
      return byId;
    });
    Future<Map<String, Map<String, String>>> keyIds = pool.preparedQuery(ReportSql.SIGNATURES).execute(Tuple.of(edition.id()))
        .map(rows -> {
          Map<String, Map<String, String>> bySession = new HashMap<>();
          rows.forEach(row -> bySession.computeIfAbsent(row.getString("session_id"), id -> new HashMap<>())
              .put(row.getString("state"), row.getString("key_id")));
          return bySession;
        });
    return Future.all(stored, keyIds).compose(v -> {
      List<Future<SessionPart>> parts = new ArrayList<>();
      for (Edition.Session session : edition.sessions()) {
        parts.add(part(session, stored.result().get(session.id()), keyIds.result().getOrDefault(session.id(), Map.of())));
      }
      return Future.all(parts).map(all -> parts.stream().map(Future::result).toList());
    });
  }

  private Future<SessionPart> part(Edition.Session session, Row row, Map<String, String> keyIds) {
    Edition.Group group = edition.group(session.group()).orElseThrow();
    SessionState state = row == null ? SessionState.scheduled : SessionState.valueOf(row.getString("state"));
    String document = row == null ? null : row.getString("document");
    if (!state.resultsFinal() || document == null) {
      return Future.succeededFuture(new SessionPart(session.id(), group.code(), group.name(), state, null, null));
    }
    Sealed sealed = toSealed(new JsonObject(document), keyIds);
    return turnout.sealed(session.id()).map(t -> new SessionPart(session.id(), group.code(), group.name(), state, sealed,
        toTurnout(t)));
  }

  /** The results document as sealed (state "sealed"), read member by member as API.md lays it out. */
  static Sealed toSealed(JsonObject document, Map<String, String> keyIds) {
    List<Ranked> ranking = new ArrayList<>();
    for (Object item : document.getJsonArray("results")) {
      JsonObject r = (JsonObject) item;
      Map<String, Long> grades = new LinkedHashMap<>();
      r.getJsonObject("grades").forEach(e -> grades.put(e.getKey(), ((Number) e.getValue()).longValue()));
      Map<String, ClassMean> byClass = new LinkedHashMap<>();
      r.getJsonObject("byWeightClass").forEach(e -> {
        JsonObject figure = (JsonObject) e.getValue();
        byClass.put(e.getKey(), figure.getBoolean("suppressed", false) ? new ClassMean(null, 0, true)
            : new ClassMean(decimal(figure.getValue("mean")), figure.getLong("votes", 0L), false));
      });
      JsonObject department = r.getJsonObject("department");
      ranking.add(new Ranked(r.getInteger("rank"), department.getString("code"), department.getString("name"),
          decimal(r.getValue("score")), decimal(r.getValue("rawMean")), decimal(r.getValue("satisfactionRate")),
          r.getLong("votes"), grades, byClass));
    }
    return new Sealed(Instant.parse(document.getString("sealedAt")), document.getLong("ballots"),
        document.getString("chainRoot"), document.getString("editionSha256"), List.copyOf(ranking),
        keyIds.get("sealed"), keyIds.get("published"));
  }

  /** The turnout payload of API.md, as {@link Turnout#sealed} makes it. */
  private EditionReport.Turnout toTurnout(JsonObject payload) {
    List<DistrictTurnout> districts = new ArrayList<>();
    for (Object item : payload.getJsonArray("byDistrict")) {
      JsonObject d = (JsonObject) item;
      String code = d.getString("district");
      String label = edition.district(code).map(Edition.District::label).orElse(code);
      districts.add(d.getBoolean("suppressed", false) ? new DistrictTurnout(code, label, 0, 0, true)
          : new DistrictTurnout(code, label, d.getLong("eligible"), d.getLong("voted"), false));
    }
    return new EditionReport.Turnout(payload.getLong("eligible"), payload.getLong("voted"),
        decimal(payload.getValue("ratio")), List.copyOf(districts));
  }

  /** The survey aggregates of API.md, each option with its label from the edition. */
  private Survey toSurvey(JsonObject aggregates) {
    List<Question> questions = new ArrayList<>();
    for (Object item : aggregates.getJsonArray("questions")) {
      JsonObject q = (JsonObject) item;
      Edition.Question asked = edition.questions().stream().filter(x -> x.id().equals(q.getString("id"))).findFirst().orElseThrow();
      List<OptionCount> counts = new ArrayList<>();
      JsonObject byOption = q.getJsonObject("counts", new JsonObject());
      for (String code : byOption.fieldNames()) {
        String label = asked.options() == null ? code
            : asked.options().stream().filter(o -> o.code().equals(code)).findFirst().map(Edition.Option::label).orElse(code);
        counts.add(new OptionCount(code, label, byOption.getLong(code)));
      }
      questions.add(new Question(q.getString("id"), q.getString("area"), q.getString("kind"), q.getString("text"),
          q.getLong("answered"), List.copyOf(counts), decimal(q.getValue("mean"))));
    }
    return new Survey(aggregates.getLong("respondents"), List.copyOf(questions));
  }

  /** A decimal as published (the JSON number's own digits), or null. */
  private static BigDecimal decimal(Object value) {
    return value == null ? null : new BigDecimal(value.toString());
  }
}
