package io.swirl.server.http;

import io.vertx.core.json.JsonObject;

/**
 * A request the API refuses, with the HTTP status and the problem members to answer with. Thrown by
 * handlers and turned into {@code application/problem+json} by {@link FailureHandler}.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String title;
  private final JsonObject extensions;

  public ApiException(int status, String title, String detail, JsonObject extensions) {
    super(detail);
    this.status = status;
    this.title = title;
    this.extensions = extensions == null ? new JsonObject() : extensions;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "Bad Request", detail, null);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "Not Found", detail, null);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "Conflict", detail, null);
  }

  public static ApiException unsupportedMediaType(String detail) {
    return new ApiException(415, "Unsupported Media Type", detail, null);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** Members added to the problem document, e.g. {@code errors}. */
  public JsonObject extensions() {
    return extensions;
  }
}
