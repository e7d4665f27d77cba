package org.pingyi.ballot;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pingyi.Hashes;
import org.pingyi.edition.Edition;
import org.pingyi.http.FieldError;
import org.pingyi.http.ProblemCode;
import org.pingyi.http.ProblemException;

/**
 * Turns a ballot body into a {@link Ballot} or refuses it listing every problem at once: every department of the
 * session's group exactly once with a known grade, comments only for those departments and at most 500
 * characters, survey answers the edition asks for.
 */
public final class BallotValidator {
  public static final int MAX_COMMENT = 500;
  private static final Set<String> MEMBERS = Set.of("scores", "comments", "survey");

  private final Edition edition;
  private final SurveyAnswers survey;

  public BallotValidator(Edition edition) {
    this.edition = edition;
    this.survey = new SurveyAnswers(edition);
  }

  public Ballot validate(Edition.Session session, String representativeId, Buffer body, String idempotencyKey) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject json;
    try {
      json = parseObject(body, STRICT);
    } catch (DuplicateKeyException duplicate) {
      // Rare: the strict parse stops at the first repeat; the lenient one and a scan list every repeat.
      json = parseObject(body, LENIENT);
      for (String path : DuplicateKeys.find(body.getBytes())) {
        errors.add(new FieldError(path, "appears more than once"));
      }
    }
    for (String member : json.fieldNames()) {
      if (!MEMBERS.contains(member)) {
        errors.add(new FieldError(member, "not a member of a ballot (scores, comments, survey)"));
      }
    }
    List<Edition.Department> departments = edition.departmentsOf(session);
    Set<String> codes = new java.util.HashSet<>();
    departments.forEach(d -> codes.add(d.code()));

    SortedMap<String, String> scores = new TreeMap<>();
    Object rawScores = json.getValue("scores");
    if (!(rawScores instanceof JsonObject scoreObject)) {
      errors.add(new FieldError("scores", "must be an object with a grade for every department of the group"));
    } else {
      for (Edition.Department d : departments) {
        Object grade = scoreObject.getValue(d.code());
        if (grade == null) {
          errors.add(new FieldError("scores." + d.code(), "missing: every department must be scored"));
        } else if (!(grade instanceof String g) || edition.grades().stream().noneMatch(x -> x.code().equals(g))) {
          errors.add(new FieldError("scores." + d.code(), "unknown grade"));
        } else {
          scores.put(d.code(), g);
        }
      }
      for (String code : scoreObject.fieldNames()) {
        if (!codes.contains(code)) {
          errors.add(new FieldError("scores." + code, "not a department of this session"));
        }
      }
    }

    SortedMap<String, String> comments = new TreeMap<>();
    Object rawComments = json.getValue("comments");
    if (rawComments instanceof JsonObject commentObject) {
      for (String code : commentObject.fieldNames()) {
        Object text = commentObject.getValue(code);
        if (!codes.contains(code)) {
          errors.add(new FieldError("comments." + code, "not a department of this session"));
        } else if (!(text instanceof String t)) {
          errors.add(new FieldError("comments." + code, "must be text"));
        } else if (t.codePointCount(0, t.length()) > MAX_COMMENT) {
          errors.add(new FieldError("comments." + code, "longer than " + MAX_COMMENT + " characters"));
        } else if (!t.isBlank()) {
          comments.put(code, t.strip());
        }
      }
    } else if (rawComments != null) {
      errors.add(new FieldError("comments", "must be an object of department code to text"));
    }

    JsonObject answers = new JsonObject();
    Object rawSurvey = json.getValue("survey");
    if (rawSurvey instanceof JsonObject surveyObject) {
      answers = survey.validate(surveyObject, errors);
    } else if (rawSurvey != null) {
      errors.add(new FieldError("survey", "must be an object of question id to answer"));
    }

    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemCode.invalid_ballot,
          errors.size() + " problem(s) with this ballot; nothing was stored.", errors);
    }
    // Each part is encoded once: the hash is taken over them and the writer stores them as they are.
    String scoresJson = new JsonObject(new java.util.LinkedHashMap<>(scores)).encode();
    String commentsJson = new JsonObject(new java.util.LinkedHashMap<>(comments)).encode();
    String surveyJson = answers.encode();
    String canonical = "{\"scores\":" + scoresJson + ",\"comments\":" + commentsJson + ",\"survey\":" + surveyJson + "}";
    return new Ballot(session.id(), representativeId, scores, scoresJson, commentsJson, surveyJson, idempotencyKey,
        Hashes.sha256Hex(canonical));
  }

  /** Thrown by the strict parse when an object repeats a key. */
  private static final class DuplicateKeyException extends RuntimeException {
    DuplicateKeyException() {
      super(null, null, false, false);
    }
  }

  /**
   * One pass over the body in the usual case: the strict reader refuses a repeated key (a JSON object model would
   * silently keep the last of them), so {@link DuplicateKeys} runs only for a body that has one.
   */
  private static final ObjectReader STRICT = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readerFor(Map.class);
  private static final ObjectReader LENIENT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readerFor(Map.class);
  /** How Jackson's strict reader words a repeated key (pinned by BallotApiTest's duplicate-key case). */
  static final String DUPLICATE_FIELD = "Duplicate field";

  private static JsonObject parseObject(Buffer body, ObjectReader reader) {
    if (body == null || body.length() == 0) {
      throw new ProblemException(ProblemCode.malformed_request, "The body must be a JSON object.");
    }
    try {
      Map<String, Object> map = reader.readValue(body.getBytes());
      if (map != null) {
        return new JsonObject(map);
      }
    } catch (JsonParseException e) {
      if (reader == STRICT && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
        throw new DuplicateKeyException();
      }
    } catch (IOException | RuntimeException e) {
      // answered below
    }
    throw new ProblemException(ProblemCode.malformed_request, "The body must be a JSON object.");
  }
}
