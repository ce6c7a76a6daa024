package io.swirl.interpreter;

import static io.swirl.interpreter.DataFlowTest.doc;
import static io.swirl.interpreter.support.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.InstanceState;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.interpreter.support.Harness;
import io.swirl.interpreter.support.StubServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** call: http against a local stub server. */
class HttpCallTest {

  private final StubServer stub = stub();
  private static final SecretsProvider SECRETS =
      name ->
          Map.<String, JsonNode>of(
                  "apiToken", TextNode.valueOf("s3cr3t-token"),
                  "oauthClient",
                      json(
                          "{ authority: 'https://test.local', grant: client_credentials,"
                              + " client: { id: app, secret: shh } }"))
              .get(name);

  private final Harness h = new Harness("sqlite::memory:", stub.hosts(), Set.of(), SECRETS);

  private static StubServer stub() {
    try {
      return new StubServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    h.close();
    stub.close();
  }

  @Test
  void sends_method_headers_query_body_and_an_idempotency_key() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - post:
                      call: http
                      with:
                        method: post
                        endpoint: https://test.local/echo/{id}
                        headers:
                          X-Trace: ${ .trace }
                        query:
                          q: ${ .q }
                        body:
                          name: ${ .name }
                """),
            "{ id: 42, trace: t-1, q: 'a b', name: ada }");
    JsonNode echoed = s.output();
    assertThat(echoed.path("method").asText()).isEqualTo("POST");
    assertThat(echoed.path("path").asText()).isEqualTo("/echo/42");
    assertThat(echoed.path("query").asText()).isEqualTo("q=a%20b");
    assertThat(echoed.path("headers").path("x-trace").asText()).isEqualTo("t-1");
    assertThat(echoed.path("headers").path("idempotency-key").asText())
        .isEqualTo(s.instanceId() + ":0");
    assertThat(json(echoed.path("body").asText())).isEqualTo(json("name: ada"));
  }

  @Test
  void an_idempotency_key_set_by_the_definition_wins() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - get:
                      call: http
                      with:
                        method: get
                        endpoint: https://test.local/echo
                        headers:
                          Idempotency-Key: mine
                """),
            null);
    assertThat(s.output().path("headers").path("idempotency-key").asText()).isEqualTo("mine");
  }

  @Test
  void a_non_2xx_answer_is_a_communication_error_keeping_the_status() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - get:
                      call: http
                      with:
                        method: get
                        endpoint: https://test.local/status/502
                """),
            null);
    Problem p = SlwfRuntime.problem(s);
    assertThat(p.type()).isEqualTo(Problem.COMMUNICATION);
    assertThat(p.status()).isEqualTo(502);
    assertThat(p.instance()).isEqualTo("/do/0/get");
  }

  @Test
  void output_raw_is_base64_and_text_content_stays_text() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - raw:
                      call: http
                      with:
                        method: get
                        endpoint: https://test.local/text
                        output: raw
                      export:
                        as: '{ raw: . }'
                  - text:
                      call: http
                      with:
                        method: get
                        endpoint: https://test.local/text
                      output:
                        as: '{ raw: $context.raw, text: . }'
                """),
            null);
    assertThat(s.output()).isEqualTo(json("{ raw: aGVsbG8=, text: hello }"));
  }

  @Test
  void bearer_from_a_secret_is_sent_but_never_written_to_history() {
    InstanceState s =
        h.run(
            doc(
                """
                use:
                  secrets: [ apiToken ]
                  authentications:
                    api:
                      bearer:
                        use: apiToken
                do:
                  - get:
                      call: http
                      with:
                        method: get
                        endpoint:
                          uri: https://test.local/echo
                          authentication:
                            use: api
                """),
            null);
    assertThat(s.output().path("headers").path("authorization").asText())
        .isEqualTo("Bearer s3cr3t-token");
    assertThat(h.engine.client().getHistory(s.instanceId()))
        .filteredOn(r -> r.event() instanceof HistoryEvent.TaskScheduled)
        .allSatisfy(r -> assertThat(r.event().toString()).doesNotContain("s3cr3t-token"));
  }

  @Test
  void authorization_descriptor_is_bound_for_output_as() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - get:
                      call: http
                      with:
                        method: get
                        endpoint:
                          uri: https://test.local/echo
                          authentication:
                            basic: { username: ada, password: pw }
                      output:
                        as: $authorization
                """),
            null);
    assertThat(s.output()).isEqualTo(json("{ scheme: Basic, parameter: YWRhOnB3 }"));
  }

  @Test
  void oauth2_client_credentials_fetches_a_token_first() {
    InstanceState s =
        h.run(
            doc(
                """
                use:
                  secrets: [ oauthClient ]
                do:
                  - get:
                      call: http
                      with:
                        method: get
                        endpoint:
                          uri: https://test.local/echo
                          authentication:
                            oauth2:
                              use: oauthClient
                """),
            null);
    assertThat(s.output().path("headers").path("authorization").asText())
        .isEqualTo("Bearer tok-123");
    assertThat(stub.requests)
        .anySatisfy(
            r -> {
              assertThat(r.path("path").asText()).isEqualTo("/oauth2/token");
              assertThat(r.path("body").asText()).contains("client_id=app");
            });
    assertThat(h.engine.client().getHistory(s.instanceId()))
        .as("no token is asked back when no output.as or export.as reads $authorization")
        .allSatisfy(r -> assertThat(r.event().toString()).doesNotContain("sealed"));
  }

  private static final String OAUTH_READ =
      doc(
          """
          use:
            secrets: [ oauthClient ]
          do:
            - get:
                call: http
                with:
                  method: get
                  endpoint:
                    uri: https://test.local/status/200
                    authentication:
                      oauth2:
                        use: oauthClient
                output:
                  as: '${ { status: .status, scheme: $authorization.scheme } }'
                export:
                  as: '${ { isToken: ($authorization.parameter == "tok-123") } }'
            - pause:
                wait: { milliseconds: 300 }
            - report:
                set:
                  status: ${ .status }
                  scheme: ${ .scheme }
                  isToken: ${ $context.isToken }
          """);

  @Test
  void oauth2_token_is_the_authorization_parameter_and_history_holds_it_only_sealed() {
    InstanceState s = h.run(OAUTH_READ, null);
    assertThat(s.output()).isEqualTo(json("{ status: 200, scheme: Bearer, isToken: true }"));
    assertThat(h.engine.client().getHistory(s.instanceId()))
        .allSatisfy(r -> assertThat(r.event().toString()).doesNotContain("tok-123"))
        .anySatisfy(
            r ->
                assertThat(r.event())
                    .isInstanceOfSatisfying(
                        HistoryEvent.TaskCompleted.class,
                        done -> assertThat(done.result().path("sealed").asText()).isNotEmpty()));
  }

  @Test
  void oauth2_authorization_parameter_is_the_same_after_a_restart_without_a_new_token(
      @TempDir Path dir) throws InterruptedException {
    String store = "sqlite:" + dir.resolve("swirl.db");
    WorkflowPlan plan = Harness.compile(OAUTH_READ);
    String id;
    try (Harness first = new Harness(store, stub.hosts(), Set.of(), SECRETS, plan)) {
      id = first.slwf.start(first.engine.client(), plan, json(null), "oauth-1");
      long deadline = System.nanoTime() + Harness.WAIT.toNanos();
      while (first.engine.client().getHistory(id).stream()
          .noneMatch(r -> r.event() instanceof HistoryEvent.TimerCreated)) {
        assertThat(System.nanoTime()).as("the wait started in time").isLessThan(deadline);
        Thread.sleep(5);
      }
    }
    try (Harness second = new Harness(store, stub.hosts(), Set.of(), SECRETS, plan)) {
      InstanceState s = second.await(id);
      assertThat(s.output()).isEqualTo(json("{ status: 200, scheme: Bearer, isToken: true }"));
      assertThat(second.engine.stats().replayedEvents()).isPositive();
    }
    assertThat(stub.hits("/oauth2/token")).as("the token came from history").isEqualTo(1);
  }

  @Test
  void use_functions_run_with_the_call_arguments_as_input() {
    InstanceState s =
        h.run(
            doc(
                """
                use:
                  functions:
                    getPet:
                      call: http
                      with:
                        method: get
                        endpoint: https://petstore.swagger.io/v2/pet/{petId}
                do:
                  - fetch:
                      call: getPet
                      with:
                        petId: ${ .id }
                      output:
                        as: .name
                """),
            "id: 5");
    assertThat(s.output()).isEqualTo(json("pet-5"));
  }
}
