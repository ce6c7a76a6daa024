package io.swirl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.HistoryRecord;
import io.swirl.engine.store.Store;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine steps the instances it started and the results of the activities it ran without leasing
 * them, and leases only when something may be waiting. These tests take the poll interval out of
 * the picture (30 s), so that what they wait for can only come from the mechanism itself.
 */
class StepsWithoutLeaseTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration NO_POLL = Duration.ofSeconds(30);

  private final Store store = Stores.open(StoreUrl.parse("sqlite::memory:"));
  private Engine first;
  private Engine second;

  @AfterEach
  void close() {
    for (Engine engine : new Engine[] {first, second}) {
      if (engine != null) {
        engine.close();
      }
    }
    store.close();
  }

  private Engine engine(String workerId) {
    Engine engine = Engine.builder(store).workerId(workerId).maxPollInterval(NO_POLL).build();
    engine.registerActivity(
        "slow",
        ctx -> {
          Thread.sleep(20);
          return ctx.getInput(Integer.class);
        });
    return engine;
  }

  @Test
  void a_timer_fires_on_time_while_the_engine_is_busy_with_activity_results() {
    first = engine("w1");
    first.registerOrchestrator(
        "busy",
        ctx -> {
          int n = 0;
          for (int i = 0; i < 150; i++) {
            n += ctx.callActivity("slow", 1, Integer.class).await();
          }
          return n;
        });
    first.registerOrchestrator(
        "sleeper",
        ctx -> {
          ctx.createTimer(Duration.ofMillis(200)).await();
          return "woke";
        });
    first.start();
    EngineClient client = first.client();
    String busy = client.scheduleNew("busy", null);
    client.waitForStart(busy, WAIT);
    String sleeper = client.scheduleNew("sleeper", null);

    InstanceState woke = client.waitForCompletion(sleeper, WAIT).orElseThrow();

    assertThat(woke.output()).isEqualTo(TextNode.valueOf("woke"));
    // 150 activities of 20 ms each take 3 s at least: the timer was leased when due, not at a
    // poll, while results kept the loop busy.
    assertThat(client.getInstance(busy).orElseThrow().isTerminal()).isFalse();
    assertThat(client.waitForCompletion(busy, WAIT).orElseThrow().output().asInt()).isEqualTo(150);
  }

  @Test
  void a_result_whose_instance_another_engine_stepped_meanwhile_reaches_it_through_the_inbox()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    first = engine("w1");
    second = engine("w2");
    for (Engine engine : List.of(first, second)) {
      engine.registerActivity(
          "gated",
          ctx -> {
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            return 1;
          });
      engine.registerOrchestrator(
          "both",
          ctx -> {
            int r = ctx.callActivity("gated", null, Integer.class).await();
            String e = ctx.waitForExternalEvent("go", String.class).await();
            return r + e;
          });
    }
    first.start();
    second.start();
    // Started by the first engine, which runs its first step and the activity itself.
    String id = first.client().scheduleNew("both", null);
    awaitHistory(id, HistoryEvent.TaskScheduled.class);

    // The event goes through the second engine, which leases the instance and steps it: the
    // token the first engine's next step would present is gone.
    second.client().raiseEvent(id, "go", "go");
    awaitHistory(id, HistoryEvent.EventRaised.class);
    release.countDown();

    InstanceState done = first.client().waitForCompletion(id, WAIT).orElseThrow();
    assertThat(done.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(done.output()).isEqualTo(TextNode.valueOf("1go"));
    assertThat(first.client().getHistory(id))
        .extracting(HistoryRecord::event)
        .filteredOn(e -> e instanceof HistoryEvent.TaskCompleted)
        .hasSize(1);
  }

  @Test
  void instances_complete_when_the_cache_holds_fewer_of_them_than_run() {
    first = Engine.builder(store).workerId("w1").maxPollInterval(NO_POLL).cacheSize(2).build();
    first.registerActivity("add1", ctx -> ctx.getInput(Integer.class) + 1);
    first.registerOrchestrator(
        "chain",
        ctx -> {
          int x = 0;
          for (int i = 0; i < 20; i++) {
            x = ctx.callActivity("add1", x, Integer.class).await();
          }
          return x;
        });
    first.start();
    EngineClient client = first.client();
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(client.scheduleNew("chain", null));
    }

    for (String id : ids) {
      InstanceState done = client.waitForCompletion(id, WAIT).orElseThrow();
      assertThat(done.output()).as("instance %s", id).isNotNull();
      assertThat(done.output().asInt()).isEqualTo(20);
    }
  }

  @Test
  void a_start_scheduled_for_later_starts_when_due_without_a_poll() {
    first = engine("w1");
    first.registerOrchestrator("hello", ctx -> "hi");
    first.start();
    EngineClient client = first.client();
    Instant startAt = Instant.now().plusMillis(300);

    String id = client.scheduleNew("hello", null, new StartOptions(null, null, null, startAt));

    InstanceState done = client.waitForCompletion(id, WAIT).orElseThrow();
    assertThat(done.output()).isEqualTo(TextNode.valueOf("hi"));
    assertThat(done.createdAt()).isBefore(startAt);
    // Well before the 30 s poll: the loop leased when the start came due.
    assertThat(Instant.now()).isBefore(startAt.plus(NO_POLL.dividedBy(2)));
  }

  @Test
  void a_timer_set_by_an_engine_that_stopped_fires_on_time_at_the_next(@TempDir Path dir)
      throws Exception {
    StoreUrl url = StoreUrl.parse("sqlite:" + dir.resolve("swirl.db"));
    Orchestrator sleeper =
        ctx -> {
          ctx.createTimer(Duration.ofSeconds(2)).await();
          return "woke";
        };
    String id;
    try (Engine stopping =
        Engine.builder(Stores.open(url)).workerId("w1").maxPollInterval(NO_POLL).build()) {
      stopping.registerOrchestrator("sleeper", sleeper).start();
      id = stopping.client().scheduleNew("sleeper", null);
      awaitHistory(stopping.client(), id, HistoryEvent.TimerCreated.class);
    }

    // The next engine polls once as it starts (then every 30 s): that poll learns when the timer
    // comes due, so it fires then, not at the next poll.
    try (Engine next =
        Engine.builder(Stores.open(url)).workerId("w2").maxPollInterval(NO_POLL).build()) {
      next.registerOrchestrator("sleeper", sleeper).start();
      Instant started = Instant.now();

      InstanceState done = next.client().waitForCompletion(id, WAIT).orElseThrow();
      assertThat(done.output()).isEqualTo(TextNode.valueOf("woke"));
      assertThat(Instant.now()).isBefore(started.plus(NO_POLL.dividedBy(2)));
    }
  }

  /** Polls the history until an event of {@code type} is in it. */
  private void awaitHistory(String id, Class<? extends HistoryEvent> type)
      throws InterruptedException {
    awaitHistory(first.client(), id, type);
  }

  private static void awaitHistory(
      EngineClient client, String id, Class<? extends HistoryEvent> type)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (client.getHistory(id).stream().noneMatch(r -> type.isInstance(r.event()))) {
      assertThat(System.nanoTime()).as("%s in the history in time", type).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
