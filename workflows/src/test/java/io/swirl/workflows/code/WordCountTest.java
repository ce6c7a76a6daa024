package io.swirl.workflows.code;

import static io.swirl.workflows.code.Workflows.awaitCompletion;
import static io.swirl.workflows.code.Workflows.history;
import static io.swirl.workflows.code.Workflows.scheduledActivities;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.workflows.code.WordCount.FolderReport;
import io.swirl.workflows.code.WordCount.Library;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountTest {

  @TempDir Path dir;

  private final Library library = new Library();
  private Engine engine;
  private EngineClient client;

  @BeforeEach
  void start() {
    engine = Workflows.engineIn(dir);
    WordCount.register(engine, library);
    engine.start();
    client = engine.client();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void one_count_per_document_listed_at_run_time_is_added_up() {
    int documents = 25;
    for (int i = 1; i <= documents; i++) {
      // document i has i words
      library.add("notes", "doc-" + i, String.join(" ", Collections.nCopies(i, "word")));
    }
    library.add("other", "ignored", "not in the folder");

    String id = client.scheduleNew(WordCount.WORKFLOW, "notes");
    InstanceState state = awaitCompletion(client, id);

    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(engine.mapper().convertValue(state.output(), FolderReport.class))
        .isEqualTo(
            new FolderReport("notes", documents, documents * (documents + 1) / 2, "notes/doc-25"));
    List<String> scheduled = scheduledActivities(client, id);
    assertThat(scheduled).first().isEqualTo("listDocuments");
    assertThat(scheduled.subList(1, scheduled.size()))
        .hasSize(documents)
        .containsOnly("countWords");
    assertThat(library.wordCounts()).isEqualTo(documents);
  }

  @Test
  void every_count_is_scheduled_before_any_result_comes_back() {
    for (int i = 0; i < 10; i++) {
      library.add("notes", "doc-" + i, "a b c");
    }

    String id = client.scheduleNew(WordCount.WORKFLOW, "notes");
    awaitCompletion(client, id);

    List<HistoryEvent> events = history(client, id);
    Set<Integer> counts = new HashSet<>();
    int lastCountScheduled = -1;
    int firstCountCompleted = Integer.MAX_VALUE;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof HistoryEvent.TaskScheduled s && s.name().equals("countWords")) {
        counts.add(s.taskId());
        lastCountScheduled = i;
      } else if (events.get(i) instanceof HistoryEvent.TaskCompleted c
          && counts.contains(c.taskId())) {
        firstCountCompleted = Math.min(firstCountCompleted, i);
      }
    }
    assertThat(counts).hasSize(10);
    assertThat(lastCountScheduled).isLessThan(firstCountCompleted);
  }

  @Test
  void an_empty_folder_fans_out_to_nothing_and_reports_zero() {
    String id = client.scheduleNew(WordCount.WORKFLOW, "empty");

    InstanceState state = awaitCompletion(client, id);

    assertThat(engine.mapper().convertValue(state.output(), FolderReport.class))
        .isEqualTo(new FolderReport("empty", 0, 0, null));
    assertThat(scheduledActivities(client, id)).containsExactly("listDocuments");
  }
}
