package io.swirl.server.http;

import static io.swirl.server.http.ApiClient.HELLO;
import static io.swirl.server.http.ApiClient.WAITER;
import static io.swirl.server.http.ApiClient.assertProblem;
import static io.swirl.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/workflows} over real HTTP. */
class DefinitionsIT {

  @TempDir static Path dir;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiClient.start(dir);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String version(String yaml, String version) {
    return yaml.replace("version: '1.0.0'", "version: '" + version + "'");
  }

  @Test
  void registering_a_yaml_definition_answers_201_with_location_then_200_when_identical() {
    String yaml = version(HELLO, "2.0.0").replace("name: hello", "name: once");
    HttpResponse<String> created = api.post("/api/v1/workflows", "application/yaml", yaml);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValue("/api/v1/workflows/test/once/2.0.0");
    JsonNode body = json(created);
    assertThat(body.path("namespace").asText()).isEqualTo("test");
    assertThat(body.path("name").asText()).isEqualTo("once");
    assertThat(body.path("version").asText()).isEqualTo("2.0.0");

    HttpResponse<String> again = api.post("/api/v1/workflows", "text/yaml", yaml);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("version").asText()).isEqualTo("2.0.0");
  }

  @Test
  void the_same_version_with_other_content_is_a_409() {
    String yaml = HELLO.replace("name: hello", "name: conflicted");
    api.register(yaml);
    int before = api.definitionCount();
    HttpResponse<String> response =
        api.post("/api/v1/workflows", "application/yaml", yaml.replace("\"hello \"", "\"hi \""));
    assertProblem(response, 409, "already registered with different content");
    assertThat(api.definitionCount()).isEqualTo(before);
  }

  @Test
  void an_invalid_definition_is_a_422_with_located_errors() {
    String yaml =
        HELLO.replace("name: hello", "name: broken")
            + "  - next:\n      set: { x: 1 }\n      then: nowhere\n";
    HttpResponse<String> response = api.post("/api/v1/workflows", "application/yaml", yaml);
    assertProblem(response, 422, "nowhere");
    JsonNode error = json(response).path("errors").get(0);
    assertThat(error.path("message").asText()).contains("nowhere");
    assertThat(error.path("line").asInt()).isEqualTo(12);
    assertThat(error.path("column").asInt()).isPositive();
    assertThat(error.path("pointer").asText()).isEqualTo("/do/1/next/then");
  }

  @Test
  void a_json_definition_is_registered_and_read_back_as_json() throws Exception {
    String source =
        ApiClient.JSON.writeValueAsString(
            new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(HELLO.replace("name: hello", "name: asjson")));
    HttpResponse<String> created = api.postJson("/api/v1/workflows", source);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> read = api.get("/api/v1/workflows/test/asjson/1.0.0");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(read.body()).isEqualTo(source);
  }

  @Test
  void list_and_get_show_definitions_and_latest_is_the_last_registered() {
    String yaml = HELLO.replace("name: hello", "name: versions");
    api.register(version(yaml, "1.0.0"));
    api.register(version(yaml, "1.1.0"));
    JsonNode list = json(api.get("/api/v1/workflows"));
    assertThat(list.path("items").findValuesAsText("name")).contains("versions");
    HttpResponse<String> source = api.get("/api/v1/workflows/test/versions/1.0.0");
    assertThat(source.statusCode()).isEqualTo(200);
    assertThat(source.headers().firstValue("Content-Type")).hasValue("application/yaml");
    assertThat(source.body()).isEqualTo(version(yaml, "1.0.0"));
    assertThat(api.get("/api/v1/workflows/test/versions/latest").body())
        .isEqualTo(version(yaml, "1.1.0"));
  }

  @Test
  void get_of_an_unknown_definition_is_a_404() {
    assertProblem(api.get("/api/v1/workflows/test/nothing/1.0.0"), 404, "test/nothing");
  }

  @Test
  void delete_removes_a_definition_and_a_second_delete_is_a_404() {
    api.register(HELLO.replace("name: hello", "name: doomed"));
    HttpResponse<String> deleted = api.delete("/api/v1/workflows/test/doomed/1.0.0");
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertProblem(api.get("/api/v1/workflows/test/doomed/1.0.0"), 404, "doomed");
    assertProblem(api.delete("/api/v1/workflows/test/doomed/1.0.0"), 404, "doomed");
  }

  @Test
  void delete_while_an_instance_has_not_ended_is_a_409_and_works_after_it_ends() {
    String yaml = WAITER.replace("name: waiter", "name: busy");
    api.register(yaml);
    String id = api.start("/api/v1/workflows/test/busy/1.0.0", "{}");
    assertProblem(api.delete("/api/v1/workflows/test/busy/1.0.0"), 409, "not ended");
    assertThat(api.get("/api/v1/workflows/test/busy/1.0.0").statusCode()).isEqualTo(200);
    assertThat(api.post("/api/v1/instances/" + id + "/cancel", null, null).statusCode())
        .isEqualTo(202);
    api.awaitInstance(id, "cancelled"::equals);
    assertThat(api.delete("/api/v1/workflows/test/busy/1.0.0").statusCode()).isEqualTo(204);
  }
}
