package org.pingyi.edition;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.pingyi.session.SessionState;
import org.pingyi.session.SessionStatus;

/** The public JSON shapes of API.md for the edition and its sessions. */
public final class EditionJson {
  private EditionJson() {}

  public static JsonObject edition(Edition e, Map<String, SessionStatus> states) {
    JsonArray grades = new JsonArray();
    e.grades().forEach(g -> grades.add(new JsonObject().put("code", g.code()).put("label", g.label())
        .put("points", g.points()).put("countsAsSatisfied", g.countsAsSatisfied())));
    JsonArray classes = new JsonArray();
    e.weightClasses().forEach(w -> classes.add(new JsonObject().put("code", w.code()).put("label", w.label())
        .put("weight", w.weight())));
    JsonArray categories = new JsonArray();
    e.categories().forEach(c -> categories.add(new JsonObject().put("code", c.code()).put("label", c.label())
        .put("weightClass", c.weightClass()).put("quota", c.quota())));
    JsonArray districts = new JsonArray();
    e.districts().forEach(d -> districts.add(new JsonObject().put("code", d.code()).put("label", d.label())));
    JsonArray groups = new JsonArray();
    e.groups().forEach(g -> groups.add(new JsonObject().put("code", g.code()).put("name", g.name())
        .put("departments", departments(g))));
    return new JsonObject()
        .put("id", e.id())
        .put("name", e.name())
        .put("grades", grades)
        .put("weightClasses", classes)
        .put("categories", categories)
        .put("districts", districts)
        .put("venues", new JsonArray(e.venuesOrNone().stream().map(v -> new JsonObject().put("code", v.code())
            .put("district", v.district()).put("name", v.name())).toList()))
        .put("groups", groups)
        .put("sessions", sessions(e, states))
        .put("survey", survey(e))
        .put("suggestionTopics", new JsonArray(e.topics().stream()
            .map(t -> new JsonObject().put("code", t.code()).put("label", t.label())).toList()))
        .put("suggestions", suggestions(e.suggestionsOrDefault()));
  }

  /** The deadlines and the calendar, public so authors know when to expect an answer; contact numbers stay inside. */
  public static JsonObject suggestions(Edition.Suggestions s) {
    return new JsonObject()
        .put("answerWorkingDays", s.answerWorkingDays())
        .put("urgeBeforeDays", s.urgeBeforeDays())
        .put("closeAfterDays", s.closeAfterDays())
        .put("holidays", new JsonArray(s.holidaysOrNone().stream().map(Object::toString).toList()))
        .put("workingWeekends", new JsonArray(s.workingWeekendsOrNone().stream().map(Object::toString).toList()));
  }

  public static JsonObject survey(Edition e) {
    JsonArray questions = new JsonArray();
    for (Edition.Question q : e.questions()) {
      JsonObject question = new JsonObject().put("id", q.id()).put("area", q.area()).put("kind", q.kind().name()).put("text", q.text());
      if (q.options() != null) {
        question.put("options", new JsonArray(q.options().stream()
            .map(o -> new JsonObject().put("code", o.code()).put("label", o.label())).toList()));
      }
      questions.add(question);
    }
    return new JsonObject().put("questions", questions);
  }

  public static JsonArray sessions(Edition e, Map<String, SessionStatus> states) {
    JsonArray out = new JsonArray();
    e.sessions().forEach(s -> out.add(session(e, s, states.get(s.id()))));
    return out;
  }

  public static JsonObject session(Edition e, Edition.Session s, SessionStatus status) {
    Edition.Group group = e.group(s.group()).orElseThrow();
    SessionState state = status == null ? SessionState.scheduled : status.state();
    return new JsonObject()
        .put("id", s.id())
        .put("group", new JsonObject().put("code", group.code()).put("name", group.name()))
        .put("state", state.name())
        .put("opensAt", s.opensAt().toString())
        .put("closesAt", (status == null || status.closesAt() == null ? s.closesAt() : status.closesAt()).toString())
        .put("schedule", s.scheduleOrManual().name())
        .put("departments", departments(group));
  }

  public static JsonArray departments(Edition.Group g) {
    JsonArray out = new JsonArray();
    g.departments().forEach(d -> out.add(new JsonObject().put("code", d.code()).put("name", d.name())));
    return out;
  }
}
