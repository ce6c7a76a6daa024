package io.swirl.server.http;

import static io.swirl.server.http.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With SWIRL_API_TOKEN set, the API needs the bearer token; health checks stay open. */
class AuthIT {

  @TempDir static Path dir;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiClient.start(dir, SwirlServer.DEFAULT_MAX_BODY_BYTES, "s3cret");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void a_request_without_the_token_is_a_401_that_says_how_to_authenticate() {
    HttpResponse<String> response = api.withToken(null).get("/api/v1/workflows");
    assertProblem(response, 401, "Authorization: Bearer");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertProblem(api.get("/v1.0/workflows/dapr/x"), 401, "token");
    assertThat(api.instanceCount()).isZero();
  }

  @Test
  void a_wrong_token_is_a_401_and_the_right_one_passes() {
    assertProblem(api.withToken("guess").get("/api/v1/workflows"), 401, "not the one");
    assertThat(api.withToken("s3cret").get("/api/v1/workflows").statusCode()).isEqualTo(200);
    api.withToken(null);
  }

  @Test
  void a_dapr_client_token_header_is_accepted() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.server.port() + "/v1.0/metadata"))
                    .header("dapr-api-token", "s3cret")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void health_checks_need_no_token() {
    assertThat(api.withToken(null).get("/health").statusCode()).isEqualTo(200);
    assertThat(api.get("/v1.0/healthz").statusCode()).isEqualTo(204);
    assertThat(api.get("/v1.0/healthz/outbound").statusCode()).isEqualTo(204);
  }
}
