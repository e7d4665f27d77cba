package org.pingyi.ballot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pingyi.edition.Edition;
import org.pingyi.http.FieldError;

/**
 * Checks a ballot's survey answers against the edition's questionnaire, like the scores: a known option for a
 * single choice, distinct known options for a multiple choice, a whole number 1-5 for a scale, at most 500
 * characters of text. Any question may be skipped.
 */
final class SurveyAnswers {
  static final int MAX_TEXT = 500;

  private final Edition edition;

  SurveyAnswers(Edition edition) {
    this.edition = edition;
  }

  /** The answers in canonical form (keys sorted, choices sorted); problems go to {@code errors}. */
  JsonObject validate(JsonObject answers, List<FieldError> errors) {
    JsonObject canonical = new JsonObject();
    for (String id : answers.fieldNames().stream().sorted().toList()) {
      String field = "survey." + id;
      Edition.Question question = edition.questions().stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
      Object answer = answers.getValue(id);
      if (question == null) {
        errors.add(new FieldError(field, "not a question of this edition"));
        continue;
      }
      switch (question.kind()) {
        case single -> {
          if (answer instanceof String code && question.hasOption(code)) {
            canonical.put(id, code);
          } else {
            errors.add(new FieldError(field, "must be one of the question's option codes"));
          }
        }
        case multiple -> {
          if (answer instanceof JsonArray codes && !codes.isEmpty() && distinctKnown(question, codes)) {
            canonical.put(id, new JsonArray(codes.stream().map(String.class::cast).sorted().toList()));
          } else {
            errors.add(new FieldError(field, "must be a list of distinct option codes of the question"));
          }
        }
        case scale -> {
          if (answer instanceof Integer n && n >= 1 && n <= 5) {
            canonical.put(id, n);
          } else {
            errors.add(new FieldError(field, "must be a whole number from 1 to 5"));
          }
        }
        case text -> {
          if (answer instanceof String text && text.codePointCount(0, text.length()) <= MAX_TEXT) {
            if (!text.isBlank()) {
              canonical.put(id, text.strip());
            }
          } else {
            errors.add(new FieldError(field, "must be text of at most " + MAX_TEXT + " characters"));
          }
        }
        default -> errors.add(new FieldError(field, "unknown question kind"));
      }
    }
    return canonical;
  }

  private static boolean distinctKnown(Edition.Question question, JsonArray codes) {
    Set<String> seen = new HashSet<>();
    for (Object code : codes) {
      if (!(code instanceof String c) || !question.hasOption(c) || !seen.add(c)) {
        return false;
      }
    }
    return true;
  }
}
