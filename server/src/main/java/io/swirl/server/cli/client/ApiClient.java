package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small blocking client of the Swirl HTTP API ({@code /api/v1}), for the command line.
 *
 * <p>Every call answers the status and parsed JSON body of a 2xx answer (the body is {@code null}
 * when empty), throws {@link ApiError} for any other status (with the RFC 7807 problem when the
 * server sent one) and {@link ServerUnreachableException} when no HTTP answer came at all.
 */
public final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A 2xx answer: its status and JSON body ({@code null} when the body was empty). */
  public record Answer(int status, JsonNode body) {}

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI server;
  private final String token;
  private final HttpClient http;

  /**
   * @param server the server's base URL, e.g. {@code http://localhost:8080}
   * @param token sent as {@code Authorization: Bearer <token>} when not null or blank
   */
  public ApiClient(URI server, String token) {
    this.server = server;
    this.token = token == null || token.isBlank() ? null : token.trim();
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** The base URL requests go to. */
  public URI server() {
    return server;
  }

  /** {@code GET path}. */
  public Answer get(String path) {
    return send("GET", path, null, null, REQUEST_TIMEOUT);
  }

  /** {@code GET path}, allowing {@code seconds} of server-side long poll on top. */
  public Answer longPoll(String path, int seconds) {
    return send("GET", path, null, null, REQUEST_TIMEOUT.plusSeconds(seconds));
  }

  /** {@code POST path} with {@code body} (none when null) of {@code contentType}. */
  public Answer post(String path, String contentType, byte[] body) {
    return send("POST", path, contentType, body, REQUEST_TIMEOUT);
  }

  /** One path segment, percent-encoded. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Answer send(
      String method, String path, String contentType, byte[] body, Duration timeout) {
    URI uri = URI.create(server + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json, application/problem+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ServerUnreachableException(server, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerUnreachableException(server, e);
    }
    JsonNode answer = parse(response.body());
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new ApiError(method + " " + path, status, answer, response.body());
    }
    if (answer == null && !response.body().isBlank()) {
      throw new ApiError(method + " " + path, status, null, response.body());
    }
    return new Answer(status, answer);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null; // not JSON: reported with the raw text by the caller
    }
  }
}
