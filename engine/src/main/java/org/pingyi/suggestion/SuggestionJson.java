package org.pingyi.suggestion;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the suggestion routes, made from the records at the edge. Never a phone, never a face subject. */
final class SuggestionJson {
  private SuggestionJson() {}

  /** For the office and departments; the author's pseudonym only for the office. */
  static JsonObject handling(Suggestion s, Instant now, boolean withAuthor) {
    JsonObject out = new JsonObject()
        .put("id", String.valueOf(s.id()))
        .put("topic", s.topic())
        .put("department", s.department())
        .put("text", s.text())
        .put("status", s.status().name())
        .put("lead", s.lead())
        .put("coHandlers", new JsonArray(s.coHandlers()))
        .put("createdAt", text(s.createdAt()))
        .put("assignedAt", text(s.assignedAt()))
        .put("dueAt", text(s.dueAt()))
        .put("overdue", s.overdue(now))
        .put("urgedAt", text(s.urgedAt()))
        .put("answer", s.answer())
        .put("adopted", s.adopted())
        .put("plan", s.plan())
        .put("answeredAt", text(s.answeredAt()))
        .put("answeredOnTime", s.answeredOnTime())
        .put("satisfied", s.satisfied())
        .put("feedbackComment", s.feedbackComment())
        .put("reopenCount", s.reopenCount())
        .put("closedAt", text(s.closedAt()))
        .put("mergedInto", s.mergedInto() == null ? null : String.valueOf(s.mergedInto()))
        .put("authorHasPhone", s.hasPhone())
        .put("updatedAt", text(s.updatedAt()));
    if (withAuthor) {
      out.put("author", new JsonObject().put("role", s.authorRole()).put("id", s.authorId()));
    }
    return out;
  }

  static JsonArray trail(List<TrailStep> steps) {
    JsonArray out = new JsonArray();
    steps.forEach(t -> out.add(new JsonObject().put("at", t.at().toString()).put("actor", t.actor()).put("action", t.action())
        .put("status", t.status().name()).put("department", t.department()).put("detail", t.detail())));
    return out;
  }

  /** For the author: their text, where it stands, the answer they follow, and whether they may rate it now. */
  static JsonObject own(AuthorActions.Own own) {
    Suggestion s = own.suggestion();
    Suggestion answerOf = own.followed() != null ? own.followed() : s;
    JsonArray steps = new JsonArray();
    own.steps().forEach(t -> steps.add(new JsonObject().put("at", t.at().toString()).put("action", t.action())
        .put("status", t.status().name())));
    return new JsonObject()
        .put("id", String.valueOf(s.id()))
        .put("topic", s.topic())
        .put("department", s.department())
        .put("text", s.text())
        .put("status", s.status().name())
        .put("createdAt", text(s.createdAt()))
        .put("lead", s.lead())
        .put("dueAt", text(answerOf.dueAt()))
        .put("answer", answerOf.answer())
        .put("adopted", answerOf.adopted())
        .put("plan", answerOf.plan())
        .put("answeredAt", text(answerOf.answeredAt()))
        .put("feedbackOpen", s.status() == SuggestionStatus.answered)
        .put("satisfied", s.satisfied())
        .put("mergedInto", s.mergedInto() == null ? null : String.valueOf(s.mergedInto()))
        .put("trail", steps);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
