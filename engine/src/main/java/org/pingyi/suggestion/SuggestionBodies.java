package org.pingyi.suggestion;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.pingyi.edition.Edition;
import org.pingyi.http.FieldError;
import org.pingyi.http.JsonBodies;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Turns request bodies into {@link Commands}, collecting every field's problem before refusing with one 422
 * invalid_suggestion; a body that is not a JSON object is a 400.
 */
final class SuggestionBodies {
  static final int MAX_TEXT = 2000;
  static final int MAX_REASON = 500;
  static final int MAX_CO_HANDLERS = 10;
  /** A mainland mobile number: 11 digits starting with 1. */
  static final Pattern PHONE = Pattern.compile("1[0-9]{10}");

  private final Edition edition;

  SuggestionBodies(Edition edition) {
    this.edition = edition;
  }

  Commands.Submission submission(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"topic\", \"department\"?, \"text\", \"phone\"?}");
    List<FieldError> errors = new ArrayList<>();
    Object topic = body.getValue("topic");
    if (!(topic instanceof String t) || edition.topics().stream().noneMatch(x -> x.code().equals(t))) {
      errors.add(new FieldError("topic", "must be one of the edition's suggestion topics"));
    }
    String department = optionalDepartment(body, "department", errors);
    String text = text(body, "text", MAX_TEXT, true, errors);
    Object phone = body.getValue("phone");
    if (phone != null && !(phone instanceof String p && (p.isBlank() || PHONE.matcher(p.strip()).matches()))) {
      errors.add(new FieldError("phone", "a mobile number of 11 digits, or leave it out"));
    }
    refuseIf(errors);
    String givenPhone = phone instanceof String p && !p.isBlank() ? p.strip() : null;
    return new Commands.Submission((String) topic, department, text, givenPhone);
  }

  Commands.Assignment assignment(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"lead\", \"coHandlers\"?: [...]}");
    List<FieldError> errors = new ArrayList<>();
    String lead = department(body, "lead", errors);
    Set<String> co = new LinkedHashSet<>();
    Object value = body.getValue("coHandlers");
    if (value != null && !(value instanceof JsonArray)) {
      errors.add(new FieldError("coHandlers", "a list of department codes"));
    } else if (value instanceof JsonArray list) {
      for (int i = 0; i < list.size(); i++) {
        Object code = list.getValue(i);
        if (!(code instanceof String c) || edition.department(c).isEmpty()) {
          errors.add(new FieldError("coHandlers[" + i + "]", "not a department of this edition"));
        } else if (c.equals(lead) || !co.add(c)) {
          errors.add(new FieldError("coHandlers[" + i + "]", "'" + c + "' is the lead or listed twice"));
        }
      }
      if (list.size() > MAX_CO_HANDLERS) {
        errors.add(new FieldError("coHandlers", "at most " + MAX_CO_HANDLERS + " co-handlers"));
      }
    }
    refuseIf(errors);
    return new Commands.Assignment(lead, List.copyOf(co));
  }

  Commands.Transfer transfer(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"to\", \"reason\"}");
    List<FieldError> errors = new ArrayList<>();
    String to = department(body, "to", errors);
    String reason = text(body, "reason", MAX_REASON, true, errors);
    refuseIf(errors);
    return new Commands.Transfer(to, reason);
  }

  Commands.Answer answer(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"answer\", \"adopted\": true|false, \"plan\"?}");
    List<FieldError> errors = new ArrayList<>();
    String answer = text(body, "answer", MAX_TEXT, true, errors);
    Object adopted = body.getValue("adopted");
    if (!(adopted instanceof Boolean)) {
      errors.add(new FieldError("adopted", "true or false: whether the suggestion is adopted (吸纳)"));
    }
    String plan = text(body, "plan", MAX_TEXT, false, errors);
    refuseIf(errors);
    return new Commands.Answer(answer, (Boolean) adopted, plan);
  }

  Commands.Merge merge(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"into\": \"<suggestion id>\"}");
    Long into = id(body.getValue("into"));
    if (into == null) {
      refuseIf(List.of(new FieldError("into", "the id of the suggestion to merge into")));
    }
    return new Commands.Merge(into);
  }

  Commands.Feedback feedback(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, "{\"satisfied\": true|false, \"comment\"?}");
    List<FieldError> errors = new ArrayList<>();
    Object satisfied = body.getValue("satisfied");
    if (!(satisfied instanceof Boolean)) {
      errors.add(new FieldError("satisfied", "true or false"));
    }
    String comment = text(body, "comment", MAX_REASON, false, errors);
    refuseIf(errors);
    return new Commands.Feedback((Boolean) satisfied, comment);
  }

  /** A suggestion id from a path or a body ("42" or 42), or null. */
  static Long id(Object value) {
    String text = value instanceof Number n ? String.valueOf(n) : value instanceof String s ? s : null;
    if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
      return null;
    }
    return Long.parseLong(text);
  }

  private String department(JsonObject body, String field, List<FieldError> errors) {
    Object value = body.getValue(field);
    if (!(value instanceof String code) || edition.department(code).isEmpty()) {
      errors.add(new FieldError(field, "not a department of this edition"));
      return null;
    }
    return code;
  }

  private String optionalDepartment(JsonObject body, String field, List<FieldError> errors) {
    return body.getValue(field) == null ? null : department(body, field, errors);
  }

  /** Stripped text of 1 to {@code max} characters (code points); absent is null when not required. */
  private static String text(JsonObject body, String field, int max, boolean required, List<FieldError> errors) {
    Object value = body.getValue(field);
    if (value == null && !required) {
      return null;
    }
    String text = value instanceof String s ? s.strip() : null;
    if (text == null || text.isEmpty() && required || text.codePointCount(0, text.length()) > max) {
      errors.add(new FieldError(field, "text of " + (required ? 1 : 0) + " to " + max + " characters"));
      return null;
    }
    return text.isEmpty() ? null : text;
  }

  private static void refuseIf(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemCode.invalid_suggestion, "The request is not acceptable; see errors.", errors);
    }
  }
}
