package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.workflows.scenarios.Stub.Reply;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario 03: the client starts a long-running export, gets 202 and a Location at once, and polls
 * it — with plain GETs, or with one long-polling {@code ?wait=}.
 */
class AsyncHttpApiIT extends ScenarioBase {

  /** The rendering service answers only when the test lets it. */
  private final CompletableFuture<Reply> rendered = new CompletableFuture<>();

  private String workflow;

  @BeforeEach
  void deploy() {
    stub.onAsync("POST", "/reports/renders", call -> rendered)
        .on(
            "PUT",
            "/archive/archive/:id",
            call -> Reply.ok(Map.of("url", "https://files.example/" + call.param("id") + ".pdf")));
    workflow = swirl.deploy("03-async-http-api");
  }

  private HttpResponse<String> startExport() {
    HttpResponse<String> started =
        swirl.send(
            "POST",
            workflow + "/instances",
            "application/json",
            input("{report: 'sales', period: '2026-Q3'}", "reports", "archive").toString());
    assertThat(started.statusCode()).isEqualTo(202);
    return started;
  }

  @Test
  void the_client_polls_with_plain_gets_until_the_export_completes() {
    HttpResponse<String> started = startExport();
    String location = started.headers().firstValue("Location").orElseThrow();
    String id = Swirl.json(started).path("id").asText();
    assertThat(location).isEqualTo("/api/v1/instances/" + id);
    await("the rendering was requested", () -> !stub.requests("/reports").isEmpty());

    JsonNode busy = Swirl.json(swirl.get(location));
    assertThat(busy.path("status").asText()).isEqualTo("running");
    assertThat(busy.path("output").isNull()).isTrue();

    rendered.complete(Reply.ok(Map.of("renderId", "R-7", "pages", 12)));
    JsonNode[] last = new JsonNode[1];
    await(
        "a plain GET shows the export completed",
        () -> {
          last[0] = Swirl.json(swirl.get(location));
          return last[0].path("status").asText().equals("completed");
        });

    assertThat(last[0].path("output"))
        .isEqualTo(json("{report: 'sales', pages: 12, url: 'https://files.example/R-7.pdf'}"));
    assertThat(swirl.history(id).httpCalls())
        .containsExactly("POST /reports/renders", "PUT /archive/archive/R-7");
  }

  @Test
  void a_wait_long_poll_answers_with_the_current_state_or_as_soon_as_it_ends() {
    String id = Swirl.json(startExport()).path("id").asText();
    await("the rendering was requested", () -> !stub.requests("/reports").isEmpty());

    long before = System.nanoTime();
    JsonNode stillBusy = Swirl.json(swirl.get("/api/v1/instances/" + id + "?wait=1"));
    assertThat(stillBusy.path("status").asText()).isEqualTo("running");
    assertThat(System.nanoTime() - before).as("waited about a second").isGreaterThan(800_000_000L);

    CompletableFuture.runAsync(
        () -> rendered.complete(Reply.ok(Map.of("renderId", "R-8", "pages", 3))),
        CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS));
    JsonNode done = Swirl.json(swirl.get("/api/v1/instances/" + id + "?wait=20"));

    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("output").path("url").asText()).isEqualTo("https://files.example/R-8.pdf");
    assertThat(swirl.history(id).of("ExecutionCompleted")).hasSize(1);
  }
}
