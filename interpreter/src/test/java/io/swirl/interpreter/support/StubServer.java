package io.swirl.interpreter.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for petstore.swagger.io and httpbin.org (and a few test endpoints), a real HTTP
 * server on an ephemeral port. Route hosts to it with {@link #hosts()}.
 */
public final class StubServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  /** Every request seen: method, path, query, headers (lower-case names), body. */
  public final List<ObjectNode> requests = new CopyOnWriteArrayList<>();

  public StubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** petstore.swagger.io, httpbin.org and test.local all go to this server. */
  public Map<String, URI> hosts() {
    return Map.of("petstore.swagger.io", uri(), "httpbin.org", uri(), "test.local", uri());
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    int count = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    ObjectNode seen = JSON.createObjectNode();
    seen.put("method", x.getRequestMethod());
    seen.put("path", path);
    seen.put("query", x.getRequestURI().getRawQuery());
    ObjectNode headers = seen.putObject("headers");
    x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    seen.put("body", body);
    requests.add(seen);
    String[] parts = path.split("/");
    if (path.equals("/v2/swagger.json")) {
      send(x, 200, Petstore.SWAGGER);
    } else if (path.equals("/v2/pet/findByStatus")) {
      send(x, 200, Petstore.pets());
    } else if (path.matches("/v2/pet/\\d+")) {
      send(x, 200, Petstore.pet(Long.parseLong(parts[3])));
    } else if (path.startsWith("/v2/pet/")) {
      send(x, 404, "{\"code\":404,\"type\":\"error\",\"message\":\"Pet not found\"}");
    } else if (path.startsWith("/basic-auth/") && parts.length == 4) {
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((parts[2] + ":" + parts[3]).getBytes(StandardCharsets.UTF_8));
      boolean ok = expected.equals(x.getRequestHeaders().getFirst("Authorization"));
      send(x, ok ? 200 : 401, ok ? "{\"authenticated\":true,\"user\":\"" + parts[2] + "\"}" : "");
    } else if (path.startsWith("/status/")) {
      send(x, Integer.parseInt(parts[2]), "{\"status\":" + parts[2] + "}");
    } else if (path.startsWith("/flaky/")) {
      int failures = Integer.parseInt(parts[2]);
      send(x, count <= failures ? 503 : 200, "{\"attempt\":" + count + "}");
    } else if (path.equals("/oauth2/token")) {
      send(x, 200, "{\"access_token\":\"tok-123\",\"token_type\":\"Bearer\"}");
    } else if (path.equals("/text")) {
      sendTyped(x, 200, "text/plain", "hello");
    } else {
      send(x, 200, seen.toString());
    }
  }

  private static void send(HttpExchange x, int status, String body) throws IOException {
    sendTyped(x, status, "application/json", body);
  }

  private static void sendTyped(HttpExchange x, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
