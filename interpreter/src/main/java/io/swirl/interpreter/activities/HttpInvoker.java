package io.swirl.interpreter.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.interpreter.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP exchange as the DSL describes it: the request, the output format ({@code content},
 * {@code response} or {@code raw}), and the error for a status outside 2xx (3xx allowed with {@code
 * redirect: true}): a communication error carrying the response's status.
 */
final class HttpInvoker {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final HttpClient following;
  private final HostRewrite hosts;
  private final Authenticator auth;

  HttpInvoker(HostRewrite hosts, Authenticator.Factory auth) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.following =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.hosts = hosts;
    this.auth = auth.create(client, hosts);
  }

  HttpClient client() {
    return client;
  }

  HostRewrite hosts() {
    return hosts;
  }

  /** The call's output; throws a non-retriable failure carrying the problem on error. */
  JsonNode call(Exchange x, String idempotencyKey) throws Exception {
    URI uri = withQuery(URI.create(x.uri()), x.query());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(hosts.apply(uri)).timeout(Duration.ofSeconds(60));
    ObjectNode sentHeaders = JSON.createObjectNode();
    boolean hasKey = false;
    boolean hasType = false;
    if (x.headers() != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = x.headers().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> h = it.next();
        request.header(h.getKey(), h.getValue().asText());
        sentHeaders.put(h.getKey(), h.getValue().asText());
        hasKey |= h.getKey().equalsIgnoreCase("Idempotency-Key");
        hasType |= h.getKey().equalsIgnoreCase("Content-Type");
      }
    }
    if (!hasKey && idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    Authenticator.Authorization authorization =
        auth.authorize(x.authentication(), x.sealAuthorization());
    if (authorization.header() != null) {
      request.header("Authorization", authorization.header());
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (x.body() != null && !x.body().isNull() && !x.body().isMissingNode()) {
      String text = x.body().isTextual() ? x.body().asText() : JSON.writeValueAsString(x.body());
      body = HttpRequest.BodyPublishers.ofString(text);
      if (!hasType) {
        String type = x.body().isTextual() ? "text/plain" : "application/json";
        request.header("Content-Type", type);
        sentHeaders.put("Content-Type", type);
      }
    }
    String method = x.method().toUpperCase(Locale.ROOT);
    request.method(method, body);
    HttpResponse<byte[]> response;
    try {
      response =
          (x.redirect() ? following : client)
              .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw Failures.of(
          Problem.communication(500, method + " " + uri + " failed: " + e.getMessage()));
    }
    int status = response.statusCode();
    boolean ok = status / 100 == 2 || x.redirect() && status / 100 == 3;
    JsonNode content = content(response);
    if (!ok) {
      String detail = method + " " + uri + " answered " + status;
      if (content != null && !content.isNull()) {
        String text = content.isTextual() ? content.asText() : content.toString();
        detail += ": " + (text.length() > 500 ? text.substring(0, 500) + "..." : text);
      }
      throw Failures.of(Problem.communication(status, detail));
    }
    JsonNode output =
        switch (x.output() == null ? "content" : x.output()) {
          case "raw" ->
              JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString(response.body()));
          case "response" -> response(method, uri, sentHeaders, response, content);
          default -> content;
        };
    if (!x.sealAuthorization()) {
      return output;
    }
    ObjectNode sealed = JSON.createObjectNode();
    sealed.set(AuthorizationSeal.RESULT, output);
    if (authorization.sealed() != null) {
      sealed.put(AuthorizationSeal.SEALED, authorization.sealed());
    }
    return sealed;
  }

  private static JsonNode response(
      String method, URI uri, ObjectNode sent, HttpResponse<byte[]> response, JsonNode content) {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode request = out.putObject("request");
    request.put("method", method.toLowerCase(Locale.ROOT));
    request.put("uri", uri.toString());
    request.set("headers", sent);
    ObjectNode headers = out.putObject("headers");
    response.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
    out.put("statusCode", response.statusCode());
    out.set("content", content);
    return out;
  }

  private static JsonNode content(HttpResponse<byte[]> response) {
    byte[] bytes = response.body();
    if (bytes == null || bytes.length == 0) {
      return JSON.nullNode();
    }
    String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
      }
    }
    if (type.isEmpty() || type.startsWith("text/") || type.contains("xml")) {
      return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
    }
    return JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString(bytes));
  }

  private static URI withQuery(URI uri, JsonNode query) {
    if (query == null || !query.isObject() || query.isEmpty()) {
      return uri;
    }
    StringBuilder q = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
    for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      List<JsonNode> values = p.getValue().isArray() ? list(p.getValue()) : List.of(p.getValue());
      for (JsonNode value : values) {
        if (q.length() > 0) {
          q.append('&');
        }
        q.append(encode(p.getKey())).append('=').append(encode(value.asText()));
      }
    }
    String base = uri.toString();
    int cut = base.indexOf('?');
    return URI.create((cut < 0 ? base : base.substring(0, cut)) + "?" + q);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new java.util.ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A request as the call task describes it. */
  record Exchange(
      String method,
      String uri,
      JsonNode headers,
      JsonNode query,
      JsonNode body,
      String output,
      boolean redirect,
      JsonNode authentication,
      boolean sealAuthorization) {}
}
