package org.pingyi.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The suggestion loop's calls, for tests: sign in as a citizen (demo provider), suggest, step, read. */
public final class SuggestionApi {
  private final TestEngine engine;
  private final Api api;

  public SuggestionApi(TestEngine engine) {
    this.engine = engine;
    this.api = engine.api();
  }

  /** A citizen's access token through the real path: the dev provider's ID token, then POST /api/v1/auth/citizen. */
  public String citizen(String subject) {
    var id = api.postJson("/api/v1/dev/face-auth", new JsonObject().put("citizenSubject", subject));
    if (id.status() != 200) {
      throw new IllegalStateException("dev face-auth: " + id.body());
    }
    var login = api.postJson("/api/v1/auth/citizen", new JsonObject().put("idToken", id.json().getString("idToken")));
    if (login.status() != 200) {
      throw new IllegalStateException("citizen login: " + login.body());
    }
    return login.json().getString("accessToken");
  }

  public Api.Reply submit(String token, JsonObject body) {
    return api.postJson("/api/v1/suggestions", body, Api.bearer(token));
  }

  /** A new suggestion's id (fails the test on anything but 201). */
  public String suggest(String token, String topic, String department, String text, String phone) {
    JsonObject body = new JsonObject().put("topic", topic).put("text", text);
    if (department != null) {
      body.put("department", department);
    }
    if (phone != null) {
      body.put("phone", phone);
    }
    var reply = submit(token, body);
    if (reply.status() != 201) {
      throw new AssertionError("suggest: " + reply.status() + " " + reply.body());
    }
    return reply.json().getString("id");
  }

  public Api.Reply step(String token, String id, String step, JsonObject body) {
    return api.postJson("/api/v1/admin/suggestions/" + id + "/" + step, body, Api.bearer(token));
  }

  public Api.Reply assign(String id, String lead, String... coHandlers) {
    return step(engine.operator(), id, "assign", new JsonObject().put("lead", lead).put("coHandlers", new JsonArray(java.util.List.of(coHandlers))));
  }

  public Api.Reply answer(String department, String id, String answer, boolean adopted, String plan) {
    JsonObject body = new JsonObject().put("answer", answer).put("adopted", adopted);
    if (plan != null) {
      body.put("plan", plan);
    }
    return step(engine.department(department), id, "answer", body);
  }

  public Api.Reply feedback(String token, String id, boolean satisfied, String comment) {
    JsonObject body = new JsonObject().put("satisfied", satisfied);
    if (comment != null) {
      body.put("comment", comment);
    }
    return api.postJson("/api/v1/suggestions/" + id + "/feedback", body, Api.bearer(token));
  }

  public JsonObject one(String token, String id) {
    var reply = api.get("/api/v1/admin/suggestions/" + id, Api.bearer(token));
    if (reply.status() != 200) {
      throw new AssertionError("get " + id + ": " + reply.status() + " " + reply.body());
    }
    return reply.json();
  }

  public JsonArray list(String token, String query) {
    var reply = api.get("/api/v1/admin/suggestions" + query, Api.bearer(token));
    if (reply.status() != 200) {
      throw new AssertionError("list: " + reply.status() + " " + reply.body());
    }
    return reply.json().getJsonArray("suggestions");
  }

  public JsonArray mine(String token) {
    var reply = api.get("/api/v1/suggestions/mine", Api.bearer(token));
    if (reply.status() != 200) {
      throw new AssertionError("mine: " + reply.status() + " " + reply.body());
    }
    return reply.json().getJsonArray("suggestions");
  }

  public static JsonObject byId(JsonArray items, String id) {
    return items.stream().map(JsonObject.class::cast).filter(s -> s.getString("id").equals(id)).findFirst().orElse(null);
  }

  public static java.util.List<String> actions(JsonObject withTrail) {
    return withTrail.getJsonArray("trail").stream().map(s -> ((JsonObject) s).getString("action")).toList();
  }
}
