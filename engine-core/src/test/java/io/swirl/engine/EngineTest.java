package io.swirl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.HistoryRecord;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private Engine engine;
  private EngineClient client;

  @BeforeEach
  void start() {
    engine = Engine.builder(Stores.open(StoreUrl.parse("sqlite::memory:"))).build();
    engine.registerActivity("add1", ctx -> ctx.getInput(Integer.class) + 1);
    engine.registerActivity("double", ctx -> ctx.getInput(Integer.class) * 2);
    engine.registerActivity(
        "fail",
        ctx -> {
          throw new IllegalStateException("service unavailable");
        });
    client = engine.client();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private InstanceState await(String id) {
    InstanceState state = client.waitForCompletion(id, WAIT).orElseThrow();
    assertThat(state.isTerminal()).as("instance %s finished in time: %s", id, state).isTrue();
    return state;
  }

  @Test
  void chained_activities_feed_each_other_and_complete() {
    engine.registerOrchestrator(
        "chain",
        ctx -> {
          int a = ctx.callActivity("add1", ctx.getInput(Integer.class), Integer.class).await();
          int b = ctx.callActivity("double", a, Integer.class).await();
          return ctx.callActivity("add1", b, Integer.class).await();
        });
    engine.start();
    String id = client.scheduleNew("chain", 3);
    InstanceState state = await(id);
    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(state.output()).isEqualTo(IntNode.valueOf(9));
    assertThat(client.getHistory(id))
        .extracting(HistoryRecord::event)
        .filteredOn(e -> e instanceof HistoryEvent.TaskScheduled)
        .extracting(e -> ((HistoryEvent.TaskScheduled) e).name())
        .containsExactly("add1", "double", "add1");
  }

  @Test
  void when_terminal_completes_without_a_blocked_thread_once_the_instance_ends() throws Exception {
    engine.registerOrchestrator(
        "gated", ctx -> ctx.waitForExternalEvent("open", String.class).await());
    engine.start();
    String id = client.scheduleNew("gated", null);
    var terminal = client.whenTerminal(id);
    client.waitForStart(id, WAIT);
    assertThat(terminal).isNotDone();
    client.raiseEvent(id, "open", "done");
    InstanceState state =
        terminal.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).orElseThrow();
    assertThat(state.output()).isEqualTo(TextNode.valueOf("done"));
    assertThat(
            client.whenTerminal("no-such-instance").get(5, java.util.concurrent.TimeUnit.SECONDS))
        .isEmpty();
  }

  @Test
  void when_terminal_of_an_instance_that_already_ended_here_completes_with_its_final_state()
      throws Exception {
    engine.registerOrchestrator(
        "quick",
        ctx -> ctx.callActivity("add1", ctx.getInput(Integer.class), Integer.class).await());
    engine.start();
    String id = client.scheduleNew("quick", 1);
    await(id);

    InstanceState state =
        client.whenTerminal(id).get(5, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();

    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(state.output()).isEqualTo(IntNode.valueOf(2));
  }

  @Test
  void activity_failure_is_caught_by_the_orchestrator_with_its_type_and_message() {
    engine.registerOrchestrator(
        "handler",
        ctx -> {
          try {
            ctx.callActivity("fail", null, String.class).await();
            return "unreachable";
          } catch (TaskFailedException e) {
            return e.failure().type() + ": " + e.failure().message();
          }
        });
    engine.start();
    InstanceState state = await(client.scheduleNew("handler", null));
    assertThat(state.output())
        .isEqualTo(TextNode.valueOf("java.lang.IllegalStateException: service unavailable"));
  }

  @Test
  void uncaught_failure_fails_the_instance_with_details() {
    engine.registerOrchestrator(
        "unhandled", ctx -> ctx.callActivity("fail", null, String.class).await());
    engine.start();
    InstanceState state = await(client.scheduleNew("unhandled", null));
    assertThat(state.status()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(state.failure().type()).isEqualTo("java.lang.IllegalStateException");
    assertThat(state.failure().message()).isEqualTo("service unavailable");
  }

  @Test
  void retries_run_out_into_a_failure_after_the_configured_attempts() {
    AtomicInteger calls = new AtomicInteger();
    List<String> keys = new ArrayList<>();
    engine.registerActivity(
        "flaky",
        ctx -> {
          synchronized (keys) {
            keys.add(ctx.idempotencyKey());
          }
          calls.incrementAndGet();
          throw new java.io.IOException("down");
        });
    engine.registerOrchestrator(
        "retrying",
        ctx ->
            ctx.callActivity(
                    "flaky",
                    null,
                    TaskOptions.retry(new RetryPolicy(3, Duration.ofMillis(10), 2, null)))
                .await());
    engine.start();
    String id = client.scheduleNew("retrying", null);
    InstanceState state = await(id);
    assertThat(state.status()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(calls).hasValue(3);
    assertThat(keys).containsOnly(id + ":0");
  }

  @Test
  void fan_out_fan_in_over_a_runtime_number_of_items() {
    engine.registerOrchestrator(
        "fan",
        ctx -> {
          int n = ctx.getInput(Integer.class);
          List<Task<Integer>> tasks = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            tasks.add(ctx.callActivity("double", i, Integer.class));
          }
          return ctx.allOf(tasks).await().stream().mapToInt(Integer::intValue).sum();
        });
    engine.start();
    InstanceState state = await(client.scheduleNew("fan", 20));
    assertThat(state.output()).isEqualTo(IntNode.valueOf(380));
  }

  @Test
  void external_event_completes_a_waiting_instance() {
    engine.registerOrchestrator(
        "approval",
        ctx -> "approved by " + ctx.waitForExternalEvent("approve", String.class).await());
    engine.start();
    String id = client.scheduleNew("approval", null);
    client.waitForStart(id, WAIT);
    client.raiseEvent(id, "approve", "ada");
    assertThat(await(id).output()).isEqualTo(TextNode.valueOf("approved by ada"));
  }

  @Test
  void durable_timer_fires_and_wait_for_event_times_out() {
    engine.registerOrchestrator(
        "timeout",
        ctx -> {
          try {
            return ctx.waitForExternalEvent("never", Duration.ofMillis(50)).await();
          } catch (TaskFailedException e) {
            return e.failure().type();
          }
        });
    engine.start();
    assertThat(await(client.scheduleNew("timeout", null)).output())
        .isEqualTo(TextNode.valueOf(FailureDetails.TIMEOUT));
  }

  @Test
  void child_orchestration_result_returns_to_the_parent() {
    engine.registerOrchestrator(
        "child",
        ctx -> ctx.callActivity("double", ctx.getInput(Integer.class), Integer.class).await());
    engine.registerOrchestrator(
        "parent", ctx -> 1 + ctx.callSubOrchestration("child", 20, Integer.class).await());
    engine.start();
    assertThat(await(client.scheduleNew("parent", null)).output()).isEqualTo(IntNode.valueOf(41));
  }

  @Test
  void suspended_instance_waits_and_resumes_with_the_event_it_kept() {
    engine.registerOrchestrator(
        "pausable", ctx -> ctx.waitForExternalEvent("go", String.class).await());
    engine.start();
    String id = client.scheduleNew("pausable", null);
    client.waitForStart(id, WAIT);
    client.suspend(id, "maintenance");
    awaitStatus(id, RuntimeStatus.SUSPENDED);
    client.raiseEvent(id, "go", "now");
    assertThatThrownBy(() -> client.suspend(id, "again"))
        .isInstanceOf(IllegalInstanceStateException.class)
        .hasMessageContaining("suspended");
    assertThat(client.getInstance(id).orElseThrow().status()).isEqualTo(RuntimeStatus.SUSPENDED);
    client.resume(id, "done");
    assertThat(await(id).output()).isEqualTo(TextNode.valueOf("now"));
  }

  @Test
  void terminate_ends_the_instance_with_the_given_output_and_purge_removes_it() {
    engine.registerOrchestrator(
        "forever", ctx -> ctx.waitForExternalEvent("never", String.class).await());
    engine.start();
    String id = client.scheduleNew("forever", null, StartOptions.withId("order-42"));
    assertThatThrownBy(() -> client.purge(id)).isInstanceOf(IllegalInstanceStateException.class);
    client.terminate(id, "stopped", "operator");
    InstanceState state = await(id);
    assertThat(state.status()).isEqualTo(RuntimeStatus.TERMINATED);
    assertThat(state.output()).isEqualTo(TextNode.valueOf("stopped"));
    client.purge(id);
    assertThat(client.getInstance(id)).isEmpty();
    assertThatThrownBy(() -> client.purge(id)).isInstanceOf(InstanceNotFoundException.class);
  }

  @Test
  void duplicate_and_invalid_instance_ids_are_refused() {
    engine.registerOrchestrator("noop", ctx -> null);
    engine.start();
    client.scheduleNew("noop", null, StartOptions.withId("same"));
    assertThatThrownBy(() -> client.scheduleNew("noop", null, StartOptions.withId("same")))
        .isInstanceOf(InstanceAlreadyExistsException.class)
        .hasMessageContaining("'same' already exists");
    assertThatThrownBy(() -> client.scheduleNew("noop", null, StartOptions.withId("no spaces")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters, digits");
    assertThatThrownBy(() -> client.scheduleNew("missing", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no orchestration named 'missing'");
  }

  @Test
  void registering_a_name_twice_is_refused() {
    assertThatThrownBy(() -> engine.registerActivity("add1", ctx -> 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("activity named 'add1' is already registered");
    engine.registerOrchestrator("once", ctx -> null);
    assertThatThrownBy(() -> engine.registerOrchestrator("once", ctx -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orchestration named 'once' is already registered");
  }

  @Test
  void continue_as_new_loops_with_a_fresh_history() {
    engine.registerOrchestrator(
        "counter",
        ctx -> {
          int n = ctx.getInput(Integer.class);
          if (n >= 5) {
            return n;
          }
          ctx.createTimer(Duration.ofMillis(1)).await();
          ctx.continueAsNew(n + 1);
          return null;
        });
    engine.start();
    String id = client.scheduleNew("counter", 0);
    assertThat(await(id).output()).isEqualTo(IntNode.valueOf(5));
    assertThat(client.getHistory(id).size()).isLessThan(10);
  }

  @Test
  void custom_status_and_deterministic_ids_are_visible() {
    engine.registerOrchestrator(
        "status",
        ctx -> {
          ctx.setCustomStatus("half way");
          ctx.waitForExternalEvent("go", JsonNode.class).await();
          return ctx.newUuid().toString().length();
        });
    engine.start();
    String id = client.scheduleNew("status", null);
    client.waitForStart(id, WAIT);
    awaitCustomStatus(id);
    client.raiseEvent(id, "go", null);
    assertThat(await(id).output()).isEqualTo(IntNode.valueOf(36));
  }

  @Test
  void progress_on_a_cached_instance_replays_nothing_in_a_1000_step_workflow() {
    engine.registerOrchestrator(
        "long",
        ctx -> {
          int x = 0;
          for (int i = 0; i < 1000; i++) {
            x = ctx.callActivity("add1", x, Integer.class).await();
          }
          return x;
        });
    engine.start();
    InstanceState state = await(client.scheduleNew("long", null));
    assertThat(state.output()).isEqualTo(IntNode.valueOf(1000));
    assertThat(engine.stats().replayedEvents()).isZero();
    assertThat(engine.stats().steps()).isGreaterThanOrEqualTo(1001);
  }

  private void awaitStatus(String id, RuntimeStatus status) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (client.getInstance(id).orElseThrow().status() != status) {
      assertThat(System.nanoTime()).as("reached %s in time", status).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private void awaitCustomStatus(String id) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (client.getInstance(id).orElseThrow().customStatus() == null) {
      assertThat(System.nanoTime()).as("custom status set in time").isLessThan(deadline);
      Thread.onSpinWait();
    }
    assertThat(client.getInstance(id).orElseThrow().customStatus())
        .isEqualTo(TextNode.valueOf("half way"));
  }
}
