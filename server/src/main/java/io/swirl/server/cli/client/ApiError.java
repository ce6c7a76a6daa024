package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server refused a request: a non-2xx answer, usually an RFC 7807 problem, or a 2xx answer that
 * is not JSON (something other than Swirl answered).
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonNode problem;
  private final String rawBody;

  ApiError(String request, int status, JsonNode problem, String rawBody) {
    super(request + " answered " + status);
    this.status = status;
    this.problem = problem;
    this.rawBody = rawBody;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The problem document, or null when the answer was not JSON. */
  public JsonNode problem() {
    return problem;
  }

  /** The answer's text as received. */
  public String rawBody() {
    return rawBody;
  }
}
