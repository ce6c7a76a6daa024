package io.swirl.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.Engine;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.StartOptions;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An instance whose history cannot be read fails once instead of being retried forever. */
class CorruptHistoryTest {

  @TempDir Path dir;

  private Engine engine(Path db) {
    Engine engine = Engine.builder(Stores.open(StoreUrl.parse("sqlite:" + db))).build();
    engine.registerOrchestrator(
        "waiter", ctx -> ctx.waitForExternalEvent("go", String.class).await());
    return engine.start();
  }

  @Test
  void an_unreadable_history_fails_the_instance_with_an_internal_error() throws Exception {
    Path db = dir.resolve("swirl.db");
    try (Engine first = engine(db)) {
      first.client().scheduleNew("waiter", null, StartOptions.withId("broken"));
      assertThat(first.client().waitForStart("broken", Duration.ofSeconds(20)))
          .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(RuntimeStatus.RUNNING));
    }
    try (Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement corrupt =
            jdbc.prepareStatement(
                "UPDATE history_steps SET events = '[{\"type\":\"NoSuchEvent\"}]'"
                    + " WHERE instance_id = 'broken' AND seq = 0")) {
      assertThat(corrupt.executeUpdate()).isEqualTo(1);
    }
    try (Engine second = engine(db)) {
      second.client().raiseEvent("broken", "go", "now");
      InstanceState state =
          second.client().waitForCompletion("broken", Duration.ofSeconds(20)).orElseThrow();
      assertThat(state.status()).isEqualTo(RuntimeStatus.FAILED);
      assertThat(state.failure().type()).isEqualTo("swirl.InternalError");
      assertThat(state.failure().message()).contains("stored history event is unreadable");
    }
  }
}
