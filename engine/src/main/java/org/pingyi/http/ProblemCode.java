package org.pingyi.http;

/** The stable machine-readable codes of API.md, each with its HTTP status and a human title. */
public enum ProblemCode {
  malformed_request(400, "Malformed request"),
  unauthenticated(401, "Authentication required"),
  invalid_token(401, "Invalid token"),
  not_eligible(403, "Not eligible"),
  forbidden(403, "Forbidden"),
  embargoed(403, "Embargoed until publication"),
  not_found(404, "Not found"),
  method_not_allowed(405, "Method not allowed"),
  already_voted(409, "Already voted"),
  session_not_open(409, "Session not open"),
  invalid_transition(409, "Invalid transition"),
  not_sealed(409, "Session not sealed"),
  roster_locked(409, "Roster locked"),
  payload_too_large(413, "Payload too large"),
  unsupported_media_type(415, "Unsupported media type"),
  invalid_ballot(422, "Invalid ballot"),
  invalid_roster(422, "Invalid roster"),
  invalid_pool(422, "Invalid pool"),
  infeasible_draw(422, "Infeasible draw"),
  invalid_suggestion(422, "Invalid suggestion"),
  unknown_venue(422, "Unknown venue"),
  rate_limited(429, "Too many requests"),
  internal_error(500, "Internal error"),
  unavailable(503, "Service unavailable");

  public final int status;
  public final String title;

  ProblemCode(int status, String title) {
    this.status = status;
    this.title = title;
  }
}
