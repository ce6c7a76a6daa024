package io.swirl.interpreter.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swirl.engine.Activity;
import io.swirl.engine.ActivityContext;
import io.swirl.interpreter.Problem;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code swirl.call.openapi}: reads the OpenAPI document (Swagger 2.0 or OpenAPI 3.x, JSON or YAML;
 * cached per URI for the process's life), finds {@code operationId}, places each of {@code
 * parameters} where the operation declares it (path, query, header; a Swagger {@code body}
 * parameter or an OpenAPI 3 {@code requestBody} takes the named value, or the undeclared rest), and
 * sends the request like {@code call: http}.
 */
public final class OpenApiCallActivity implements Activity {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private final HttpInvoker http;
  private final Map<URI, JsonNode> documents = new ConcurrentHashMap<>();

  public OpenApiCallActivity(HttpCallActivity http) {
    this.http = http.invoker();
  }

  @Override
  public Object run(ActivityContext ctx) throws Exception {
    JsonNode in = ctx.input();
    JsonNode endpoint = in.path("document").path("endpoint");
    URI location =
        URI.create(endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText());
    JsonNode document = documents.computeIfAbsent(location, this::fetch);
    String operationId = in.path("operationId").asText();
    Operation op = Operation.find(document, operationId);
    if (op == null) {
      throw Failures.of(Problem.configuration("no operation '" + operationId + "' in " + location));
    }
    JsonNode parameters = in.path("parameters");
    ObjectNode headers = JSON.createObjectNode();
    ObjectNode query = JSON.createObjectNode();
    ObjectNode rest =
        parameters.isObject() ? ((ObjectNode) parameters).deepCopy() : JSON.createObjectNode();
    String path = op.path();
    JsonNode body = null;
    for (JsonNode declared : op.parameters()) {
      String name = declared.path("name").asText();
      JsonNode value = parameters.get(name);
      rest.remove(name);
      if (value == null) {
        continue;
      }
      switch (declared.path("in").asText()) {
        case "path" -> path = path.replace("{" + name + "}", encode(value.asText()));
        case "query" -> query.set(name, value);
        case "header" -> headers.put(name, value.asText());
        case "body" -> body = value;
        default -> {}
      }
    }
    if (body == null && op.hasRequestBody() && !rest.isEmpty()) {
      body = rest.size() == 1 ? rest.elements().next() : rest;
    }
    String uri = op.baseUrl(document, location) + path;
    return http.call(
        new HttpInvoker.Exchange(
            op.method(),
            uri,
            headers,
            query,
            body,
            in.path("output").asText("content"),
            in.path("redirect").asBoolean(false),
            in.get("authentication"),
            in.path(AuthorizationSeal.REQUEST).asBoolean(false)),
        ctx.idempotencyKey());
  }

  private JsonNode fetch(URI location) {
    try {
      HttpResponse<String> response =
          http.client()
              .send(
                  HttpRequest.newBuilder(http.hosts().apply(location)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw Failures.of(
            Problem.communication(
                response.statusCode(), "cannot read the OpenAPI document " + location));
      }
      String text = response.body();
      return text.trim().startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
    } catch (java.io.IOException e) {
      throw Failures.of(
          Problem.communication(500, "cannot read the OpenAPI document " + location + ": " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.of(Problem.runtime("interrupted"));
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /** An operation of the document. */
  private record Operation(
      String path, String method, JsonNode parameters, boolean hasRequestBody) {

    static Operation find(JsonNode document, String operationId) {
      for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          if (operationId.equals(op.getValue().path("operationId").asText(null))) {
            var all = JSON.createArrayNode();
            path.getValue().path("parameters").forEach(all::add);
            op.getValue().path("parameters").forEach(all::add);
            return new Operation(path.getKey(), op.getKey(), all, op.getValue().has("requestBody"));
          }
        }
      }
      return null;
    }

    String baseUrl(JsonNode document, URI location) {
      if (document.has("servers")) {
        String url = document.path("servers").path(0).path("url").asText("/");
        return location.resolve(url).toString().replaceAll("/$", "");
      }
      String scheme =
          document.path("schemes").isArray() && document.path("schemes").size() > 0
              ? document.path("schemes").get(0).asText()
              : location.getScheme();
      String host = document.path("host").asText(location.getRawAuthority());
      return scheme + "://" + host + document.path("basePath").asText("").replaceAll("/$", "");
    }
  }
}
