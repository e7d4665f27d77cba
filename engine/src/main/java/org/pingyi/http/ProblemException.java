package org.pingyi.http;

import java.util.List;

/**
 * A refusal the client is meant to read: it becomes one problem+json answer with its {@link ProblemCode}.
 * Carries no stack trace; it is a control-flow value, not a bug.
 */
public final class ProblemException extends RuntimeException {

  private final ProblemCode code;
  private final List<FieldError> errors;
  private final Integer retryAfterSeconds;

  public ProblemException(ProblemCode code, String detail) {
    this(code, detail, List.of(), null);
  }

  public ProblemException(ProblemCode code, String detail, List<FieldError> errors) {
    this(code, detail, errors, null);
  }

  private ProblemException(ProblemCode code, String detail, List<FieldError> errors, Integer retryAfterSeconds) {
    super(detail, null, false, false);
    this.code = code;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ProblemException unavailable(String detail, int retryAfterSeconds) {
    return unavailable(detail, retryAfterSeconds, List.of());
  }

  public static ProblemException unavailable(String detail, int retryAfterSeconds, List<FieldError> errors) {
    return new ProblemException(ProblemCode.unavailable, detail, errors, retryAfterSeconds);
  }

  /** 429: this caller has asked too often; Retry-After says when the limit lets them again. */
  public static ProblemException rateLimited(String detail, int retryAfterSeconds) {
    return new ProblemException(ProblemCode.rate_limited, detail, List.of(), retryAfterSeconds);
  }

  public ProblemCode code() {
    return code;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
