package io.swirl.workflows.code;

import io.swirl.engine.Engine;
import io.swirl.engine.OrchestrationContext;
import io.swirl.engine.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fan-out/fan-in over a number of items known only at run time: a first activity lists the
 * documents in a folder, one activity per document counts its words (all scheduled at once, run in
 * parallel), and the workflow adds the counts up when the last one is in.
 */
public final class WordCount {

  public static final String WORKFLOW = "wordCount";

  private WordCount() {}

  public record DocumentCount(String document, int words) {}

  public record FolderReport(String folder, int documents, int totalWords, String largest) {}

  /** Registers the workflow and its activities, which read {@code library}. */
  public static void register(Engine engine, Library library) {
    engine.registerActivity("listDocuments", ctx -> library.list(ctx.getInput(String.class)));
    engine.registerActivity("countWords", ctx -> library.countWords(ctx.getInput(String.class)));
    engine.registerOrchestrator(WORKFLOW, WordCount::run);
  }

  static FolderReport run(OrchestrationContext ctx) {
    String folder = ctx.getInput(String.class);
    String[] documents = ctx.callActivity("listDocuments", folder, String[].class).await();

    List<Task<DocumentCount>> counts = new ArrayList<>(documents.length);
    for (String document : documents) {
      counts.add(ctx.callActivity("countWords", document, DocumentCount.class));
    }

    int total = 0;
    DocumentCount largest = null;
    for (DocumentCount count : ctx.allOf(counts).await()) {
      total += count.words();
      if (largest == null || count.words() > largest.words()) {
        largest = count;
      }
    }
    return new FolderReport(
        folder, documents.length, total, largest == null ? null : largest.document());
  }

  /** In-memory documents by folder; thread-safe. */
  public static final class Library {

    private final Map<String, List<String>> folders = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final AtomicInteger wordCounts = new AtomicInteger();

    /** Adds a document; its id is {@code folder/name}. */
    public Library add(String folder, String name, String text) {
      String id = folder + "/" + name;
      folders.computeIfAbsent(folder, f -> new CopyOnWriteArrayList<>()).add(id);
      texts.put(id, text);
      return this;
    }

    List<String> list(String folder) {
      return List.copyOf(folders.getOrDefault(folder, List.of()));
    }

    DocumentCount countWords(String document) {
      wordCounts.incrementAndGet();
      String text = texts.getOrDefault(document, "").strip();
      return new DocumentCount(document, text.isEmpty() ? 0 : text.split("\\s+").length);
    }

    /** How many times a document's words were counted. */
    public int wordCounts() {
      return wordCounts.get();
    }
  }
}
