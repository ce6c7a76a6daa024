package io.swirl.server.http;

import static io.swirl.server.http.SchedulesIT.TICKER;
import static io.swirl.server.http.SchedulesIT.awaitItems;
import static io.swirl.server.http.SchedulesIT.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.store.postgres.PgTestDatabase;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two server processes' worth of Swirl on one PostgreSQL database share one schedule. */
class SchedulesPostgresIT {

  @Test
  void two_servers_on_one_database_run_one_schedule_that_starts_each_slot_once() throws Exception {
    try (PgTestDatabase db = PgTestDatabase.create();
        ApiClient first = new ApiClient(SwirlServer.start(settings(db)))) {
      first.register(TICKER);
      try (ApiClient second = new ApiClient(SwirlServer.start(settings(db)))) {
        second.register(TICKER); // identical: ensures the schedule again, which changes nothing
        List<JsonNode> runs = awaitItems(second, "namespace=test&name=ticker", n -> n >= 3);

        assertThat(items(first, "name=swirl.schedule")).hasSize(1);
        List<String> ids = runs.stream().map(r -> r.path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        // One schedule: every id has its prefix, and slots are anchor + k seconds.
        Set<String> schedules =
            ids.stream()
                .map(id -> id.substring(0, id.lastIndexOf('-')))
                .collect(Collectors.toSet());
        assertThat(schedules).hasSize(1);
        Set<String> fractions =
            ids.stream()
                .map(id -> id.contains("_") ? id.substring(id.indexOf('_')) : "whole seconds")
                .collect(Collectors.toSet());
        assertThat(fractions).as("the same milliseconds in every slot: %s", ids).hasSize(1);
      }
    }
  }

  private static SwirlServer.Settings settings(PgTestDatabase db) {
    return new SwirlServer.Settings("127.0.0.1", 0, db.url());
  }
}
