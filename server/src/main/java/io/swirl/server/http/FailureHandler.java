package io.swirl.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.swirl.engine.IllegalInstanceStateException;
import io.swirl.engine.InstanceAlreadyExistsException;
import io.swirl.engine.InstanceNotFoundException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers: every error leaves as an RFC 7807 problem with
 * {@code instance} set to the request path. Engine exceptions map to statuses here, so handlers
 * simply fail the request with what they caught.
 */
public final class FailureHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private final long maxBodyBytes;

  public FailureHandler(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public void handle(RoutingContext ctx) {
    JsonObject problem = toProblem(ctx, unwrap(ctx.failure()));
    problem.put("instance", ctx.request().path());
    if (ctx.request().path().startsWith("/v1.0")) {
      // Dapr clients read errorCode and message; they ride along as extension members.
      problem.put("errorCode", daprCode(problem.getInteger("status")));
      problem.put("message", problem.getString("detail"));
    }
    Problems.send(ctx, problem);
  }

  private JsonObject toProblem(RoutingContext ctx, Throwable failure) {
    if (failure instanceof ApiException e) {
      return Problems.problem(e.status(), e.title(), e.getMessage()).mergeIn(e.extensions());
    }
    if (failure instanceof InstanceNotFoundException e) {
      return Problems.problem(404, "Not Found", e.getMessage());
    }
    if (failure instanceof IllegalInstanceStateException
        || failure instanceof InstanceAlreadyExistsException) {
      return Problems.problem(409, "Conflict", failure.getMessage());
    }
    if (failure instanceof IllegalArgumentException e) {
      return Problems.problem(400, "Bad Request", e.getMessage());
    }
    if (failure instanceof UnsupportedOperationException e) {
      return Problems.problem(501, "Not Implemented", e.getMessage());
    }
    int status = failure instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
    if (status == 413) {
      return Problems.problem(
          413,
          "Content Too Large",
          "the request body is larger than the limit of "
              + maxBodyBytes
              + " bytes (--max-body-size / SWIRL_MAX_BODY_SIZE)");
    }
    String request = ctx.request().method() + " " + ctx.request().path();
    if (status == 404) {
      return Problems.problem(404, "Not Found", "no route for " + request);
    }
    if (status == 405) {
      return Problems.problem(
          405,
          "Method Not Allowed",
          ctx.request().method() + " is not allowed on " + ctx.request().path());
    }
    if (status >= 400 && status < 500) {
      return Problems.problem(
          status, HttpResponseStatus.valueOf(status).reasonPhrase(), request + " was refused");
    }
    LOG.error("unexpected error on {} {}", ctx.request().method(), ctx.request().path(), failure);
    return Problems.problem(500, "Internal Server Error", "the server failed; see its log");
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String daprCode(int status) {
    return switch (status) {
      case 400 -> "ERR_BAD_REQUEST";
      case 401 -> "ERR_UNAUTHORIZED";
      case 404 -> "ERR_NOT_FOUND";
      case 409 -> "ERR_CONFLICT";
      case 413 -> "ERR_BODY_TOO_LARGE";
      case 415 -> "ERR_UNSUPPORTED_MEDIA_TYPE";
      default -> "ERR_" + status;
    };
  }
}
