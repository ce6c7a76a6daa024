package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.dsl.plan.AuthenticationPlan;
import io.swirl.dsl.plan.CallTask;
import io.swirl.engine.Task;
import io.swirl.engine.TaskOptions;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.activities.AuthorizationSeal;
import io.swirl.interpreter.expr.Variables;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code call}: renders the arguments in the orchestrator (so what is sent is in history and a
 * replay sends nothing), expands the endpoint's URI template from the input's top-level fields,
 * resolves {@code use.authentications} references, and schedules the call's activity. A secret an
 * authentication names is passed by name only; the activity resolves it.
 */
final class CallExecutor {

  private static final Pattern TEMPLATE = Pattern.compile("\\{([^{}]+)}");

  private final Run run;
  private final Executors executors;

  CallExecutor(Run run, Executors executors) {
    this.run = run;
    this.executors = executors;
  }

  Task<Outcome> run(CallTask task, JsonNode input, Variables v, Cancellation cancel) {
    JsonNode args = run.eval.render(task.with(), input, v, run.ctx.toJson(Map.of()));
    if (task.kind() == CallTask.Kind.FUNCTION) {
      return executors.execute(task.definition(), args, v.with("input", args), cancel);
    }
    ObjectNode request = args.isObject() ? ((ObjectNode) args).deepCopy() : null;
    if (request == null) {
      return Tasks.done(Outcome.fault(Problem.configuration("call arguments must be an object")));
    }
    JsonNode auth = null;
    if (task.kind() == CallTask.Kind.HTTP) {
      JsonNode endpoint = request.path("endpoint");
      ObjectNode resolved = request.putObject("endpoint");
      String uri = endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText();
      resolved.put("uri", expand(uri, input));
      if (endpoint.has("authentication")) {
        auth = authentication(endpoint.get("authentication"));
        resolved.set("authentication", auth);
      }
    } else if (request.has("authentication")) {
      auth = authentication(request.get("authentication"));
      request.set("authentication", auth);
    }
    JsonNode oauth = describe(auth, v);
    boolean sealed = oauth != null && v.get(TaskRunner.AUTHORIZATION_READ) != null;
    if (sealed) {
      request.put(AuthorizationSeal.REQUEST, true);
    }
    return run.ctx
        .callActivity(task.activityName(), request, TaskOptions.NONE)
        .thenApply(result -> Outcome.done(sealed ? unseal(result, oauth, v) : result, null));
  }

  /**
   * The call's output from a result wrapped with the sealed OAuth2 token, which fills {@code
   * $authorization.parameter} in memory. Opened the same way on replay, from the same recorded
   * result, so the value is the same; it cannot be opened when the client secret changed since
   * (then the parameter stays unset).
   */
  private JsonNode unseal(JsonNode result, JsonNode oauth, Variables v) {
    String token =
        AuthorizationSeal.open(oauth, result.path(AuthorizationSeal.SEALED).asText(null));
    if (token != null && v.get(TaskRunner.AUTHORIZATION_SLOT) instanceof ObjectNode descriptor) {
      run.redactor.remember(TextNode.valueOf(token));
      descriptor.put("parameter", token);
    }
    JsonNode output = result.get(AuthorizationSeal.RESULT);
    return output == null ? NullNode.getInstance() : output;
  }

  /** An authentication with {@code use} references to {@code use.authentications} resolved. */
  private JsonNode authentication(JsonNode auth) {
    if (auth.has("use")) {
      AuthenticationPlan named = run.plan.authentications().get(auth.get("use").asText());
      if (named == null) {
        return auth;
      }
      ObjectNode resolved = run.ctx.toJson(Map.of()).deepCopy();
      resolved.set(named.scheme(), named.config());
      return resolved;
    }
    return auth;
  }

  /** RFC 6570 level-1 expansion: {@code {name}} becomes the input's top-level field, encoded. */
  static String expand(String template, JsonNode input) {
    Matcher m = TEMPLATE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode value = input.path(m.group(1).trim());
      String text = value.isMissingNode() || value.isNull() ? "" : value.asText();
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                  .replace("+", "%20")));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Fills {@code $authorization} ({@code scheme}, {@code parameter}) for basic and bearer; a secret
   * is read here, in memory only. OAuth2 tokens are obtained by the activity, so only the scheme is
   * known here; the parameter comes with the activity's result (see {@link #unseal}).
   *
   * @return the OAuth2/OIDC settings (secret resolved, in memory), or null for other schemes
   */
  private JsonNode describe(JsonNode auth, Variables v) {
    JsonNode slot = v.get(TaskRunner.AUTHORIZATION_SLOT);
    if (!(slot instanceof ObjectNode descriptor) || auth == null || !auth.fieldNames().hasNext()) {
      return null;
    }
    String scheme = auth.fieldNames().next();
    JsonNode settings = auth.get(scheme);
    if (settings.has("use")) {
      JsonNode secret = run.secret(settings.get("use").asText());
      settings = secret == null ? settings : secret;
    }
    switch (scheme) {
      case "basic" -> {
        descriptor.put("scheme", "Basic");
        String pair = settings.path("username").asText() + ":" + settings.path("password").asText();
        descriptor.put(
            "parameter",
            java.util.Base64.getEncoder()
                .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      case "bearer" -> {
        descriptor.put("scheme", "Bearer");
        descriptor.put(
            "parameter",
            settings.isTextual() ? settings.asText() : settings.path("token").asText());
      }
      default -> {
        descriptor.put("scheme", "Bearer");
        if (scheme.equals("oauth2") || scheme.equals("oidc")) {
          return settings;
        }
      }
    }
    return null;
  }
}
