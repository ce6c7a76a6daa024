package io.swirl.server.http.definitions;

import io.swirl.dsl.CompileResult;
import io.swirl.dsl.Diagnostic;
import io.swirl.dsl.WorkflowCompiler;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.Orchestration;
import io.swirl.engine.OrchestrationResolver;
import io.swirl.engine.store.DefinitionRecord;
import io.swirl.engine.store.Store;
import io.swirl.interpreter.SlwfRuntime;
import io.swirl.server.http.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered definitions: the store holds them (the truth, shared by every server process), the
 * {@link SlwfRuntime} runs them. Registering saves first and makes the plan runnable only once the
 * save committed, so a refused conflict never becomes runnable.
 *
 * <p>{@code latest} is the most recently <em>registered</em> version of a namespace and name, the
 * same rule the interpreter applies to {@code run: workflow} with {@code version: latest}.
 *
 * <p>Also an {@link OrchestrationResolver} of last resort: an instance pinned to a hash this
 * process has not compiled (registered by another process after this one started) is compiled from
 * the store on first use. Every method blocks (store calls): call it on a worker.
 */
public final class DefinitionCatalog implements OrchestrationResolver {

  /** The file name diagnostics carry for a definition sent over HTTP. */
  public static final String FILE = "request body";

  public static final String LATEST = "latest";

  private static final Logger LOG = LoggerFactory.getLogger(DefinitionCatalog.class);

  private final Store store;
  private final SlwfRuntime slwf;
  private final Clock clock;
  private final WorkflowCompiler compiler = new WorkflowCompiler();

  /** The plans this process made runnable, by definition hash. */
  private final Map<String, WorkflowPlan> runnable = new ConcurrentHashMap<>();

  public DefinitionCatalog(Store store, SlwfRuntime slwf, Clock clock) {
    this.store = store;
    this.slwf = slwf;
    this.clock = clock;
  }

  /** What registering gave: the record and whether it is new ({@code false}: identical). */
  public record Registration(
      DefinitionRecord definition, boolean created, List<Diagnostic> warnings) {}

  /** Makes every stored definition runnable; called once at start. Returns how many. */
  public int loadAll() {
    try {
      return plans().size();
    } catch (UnsupportedOperationException e) {
      LOG.warn("definitions are not available: {}", e.getMessage());
      return 0;
    }
  }

  /**
   * Validates, saves and makes a definition runnable.
   *
   * @throws ApiException 400 when the text is not YAML/JSON, 422 when it is not a valid definition
   *     or uses a feature Swirl cannot run, 409 when the version is registered with other content
   */
  public Registration register(String source, String mediaType) {
    CompileResult compiled = compiler.compile(FILE, source);
    if (!compiled.isValid()) {
      List<Diagnostic> errors = compiled.validation().errors();
      boolean syntax = errors.stream().allMatch(d -> d.code().equals("syntax"));
      throw new ApiException(
          syntax ? 400 : 422,
          syntax ? "Bad Request" : "Unprocessable Content",
          (syntax
                  ? "the definition is not readable " + format(mediaType)
                  : "the definition is invalid")
              + ": "
              + errors.get(0).format()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
          new JsonObject().put("errors", diagnostics(errors)));
    }
    WorkflowPlan plan = compiled.plan();
    if (!plan.isRunnable()) {
      throw new ApiException(
          422,
          "Unprocessable Content",
          "Swirl cannot run this definition yet: " + plan.unsupported(),
          new JsonObject().put("errors", unsupported(plan.unsupported(), compiled)));
    }
    DefinitionRecord record =
        new DefinitionRecord(
            plan.namespace(),
            plan.name(),
            plan.version(),
            plan.definitionHash(),
            source,
            mediaType,
            clock.instant());
    Store.SaveResult saved = store.saveDefinition(record);
    if (saved == Store.SaveResult.CONFLICT) {
      throw ApiException.conflict(
          "workflow "
              + plan.namespace()
              + "/"
              + plan.name()
              + " version "
              + plan.version()
              + " is already registered with different content; register it under a new"
              + " document.version");
    }
    runnable.put(plan.definitionHash(), slwf.register(plan));
    DefinitionRecord stored =
        store.getDefinition(plan.namespace(), plan.name(), plan.version()).orElse(record);
    return new Registration(
        stored, saved == Store.SaveResult.CREATED, compiled.validation().warnings());
  }

  /** Every registered definition, by namespace, name, then registration order. */
  public List<DefinitionRecord> list() {
    return store.listDefinitions();
  }

  /**
   * The definition of namespace/name at {@code version}, or at the latest one for {@code latest}.
   */
  public Optional<DefinitionRecord> find(String namespace, String name, String version) {
    if (!LATEST.equals(version)) {
      return store.getDefinition(namespace, name, version);
    }
    DefinitionRecord latest = null;
    for (DefinitionRecord d : store.listDefinitions()) {
      if (d.namespace().equals(namespace) && d.name().equals(name)) {
        latest = d; // registration order: the last one wins
      }
    }
    return Optional.ofNullable(latest);
  }

  /** The most recently registered definition named {@code name} in any namespace (Dapr routes). */
  public Optional<DefinitionRecord> latestNamed(String name) {
    List<DefinitionRecord> all = store.listDefinitions();
    DefinitionRecord latest = null;
    for (DefinitionRecord d : all) {
      if (d.name().equals(name)
          && (latest == null || !d.createdAt().isBefore(latest.createdAt()))) {
        latest = d;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** Deletes a definition unless instances of it have not ended. */
  public Store.DeleteResult delete(String namespace, String name, String version) {
    return store.deleteDefinition(namespace, name, version);
  }

  /** Compiles and registers a stored definition with the runtime unless done already. */
  public WorkflowPlan ensureRunnable(DefinitionRecord definition) {
    WorkflowPlan known = runnable.get(definition.definitionHash());
    if (known != null) {
      return known;
    }
    CompileResult compiled = compiler.compile(FILE, definition.source());
    WorkflowPlan plan =
        compiled
            .planIfValid()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "stored definition no longer compiles: "
                            + compiled.validation().errors().get(0).format()));
    WorkflowPlan registered = slwf.register(plan);
    runnable.put(definition.definitionHash(), registered);
    return registered;
  }

  /**
   * The plan of every registered definition that can run, by namespace, name, then registration
   * order (the last of a name is its latest version); read from the store, so definitions other
   * server processes registered are included.
   */
  public List<WorkflowPlan> plans() {
    List<WorkflowPlan> plans = new java.util.ArrayList<>();
    for (DefinitionRecord definition : store.listDefinitions()) {
      try {
        plans.add(ensureRunnable(definition));
      } catch (RuntimeException e) {
        LOG.warn(
            "stored definition {}/{} {} cannot run: {}",
            definition.namespace(),
            definition.name(),
            definition.version(),
            e.getMessage());
      }
    }
    return plans;
  }

  @Override
  public Orchestration resolve(String name, String version, String definitionHash) {
    if (definitionHash == null || runnable.containsKey(definitionHash)) {
      return null;
    }
    try {
      Optional<DefinitionRecord> stored = store.getDefinitionByHash(definitionHash);
      if (stored.isEmpty()) {
        return null;
      }
      ensureRunnable(stored.get());
      return slwf.resolve(name, version, definitionHash);
    } catch (RuntimeException e) {
      LOG.warn("definition {} for {} cannot run: {}", definitionHash, name, e.getMessage());
      return null;
    }
  }

  private static String format(String mediaType) {
    return mediaType != null && mediaType.contains("json") ? "JSON" : "YAML";
  }

  static JsonArray diagnostics(List<Diagnostic> diagnostics) {
    JsonArray array = new JsonArray();
    for (Diagnostic d : diagnostics) {
      array.add(
          new JsonObject()
              .put("message", d.message())
              .put("line", d.line())
              .put("column", d.column())
              .put("pointer", d.pointer())
              .put("code", d.code()));
    }
    return array;
  }

  private static JsonArray unsupported(Map<String, String> unsupported, CompileResult compiled) {
    JsonArray array = new JsonArray();
    unsupported.entrySet().stream()
        .sorted(Comparator.comparing(Map.Entry::getKey))
        .forEach(
            entry -> {
              Diagnostic at =
                  compiled.validation().warnings().stream()
                      .filter(w -> w.pointer().startsWith(entry.getKey()))
                      .findFirst()
                      .orElse(null);
              array.add(
                  new JsonObject()
                      .put("message", "Swirl cannot run " + entry.getValue())
                      .put("line", at == null ? 0 : at.line())
                      .put("column", at == null ? 0 : at.column())
                      .put("pointer", entry.getKey())
                      .put("code", "unsupported"));
            });
    return array;
  }
}
