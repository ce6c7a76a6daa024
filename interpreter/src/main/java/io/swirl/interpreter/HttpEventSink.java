package io.swirl.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Publishes each CloudEvent with an HTTP POST in structured mode ({@code
 * application/cloudevents+json}) to one URL. An answer other than 2xx, or no answer within the
 * timeout, throws: the {@code emit} activity fails and is retried as the workflow says.
 */
public final class HttpEventSink implements EventSink {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI target;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * @throws IllegalArgumentException when {@code target} is not an http(s) URL with a host
   */
  public HttpEventSink(URI target) {
    if (!isTarget(target)) {
      throw new IllegalArgumentException(
          "the event sink must be an http or https URL with a host, not '" + target + "'");
    }
    this.target = target;
  }

  /** Whether {@code uri} can be a sink: an http or https URL with a host. */
  public static boolean isTarget(URI uri) {
    return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        && uri.getHost() != null;
  }

  @Override
  public void publish(JsonNode event) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/cloudevents+json")
            .POST(HttpRequest.BodyPublishers.ofString(event.toString()))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "the event sink "
              + target
              + " answered "
              + response.statusCode()
              + " to event "
              + event.path("id").asText()
              + (response.body().isBlank() ? "" : ": " + abbreviate(response.body())));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
