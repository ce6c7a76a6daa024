package io.swirl.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swirl.dsl.CompileResult;
import io.swirl.dsl.Diagnostic;
import io.swirl.dsl.WorkflowCompiler;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.Engine;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.SecretsProvider;
import io.swirl.interpreter.SlwfRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code swirl run FILE}: runs one workflow on an embedded engine (in-memory SQLite) and prints its
 * output as JSON. Exit 0 when it completed; 1 when the definition is invalid (diagnostics on
 * stderr, as {@code swirl validate} prints them) or the workflow faulted (its RFC 7807 problem on
 * stderr); 2 for a usage error.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one workflow definition on an embedded engine and print its output as JSON.",
      "Secrets named in use.secrets are read from environment variables of the same name.",
      "Exit status: 0 completed, 1 invalid definition or faulted workflow, 2 usage error."
    })
final class RunCommand implements Callable<Integer> {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      paramLabel = "JSON|@FILE",
      description =
          "The workflow input: inline JSON, or a JSON/YAML file as --input=@FILE (a separate"
              + " @FILE argument is expanded by picocli as an argument file).")
  String input;

  @Option(
      names = "--allow-run",
      split = ",",
      paramLabel = "KIND",
      description = "Allow run: shell and/or script (off by default).")
  Set<String> allowRun = Set.of();

  @Option(
      names = "--timeout",
      defaultValue = "PT1H",
      description = "How long to wait for the workflow (ISO 8601, default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Parameters(index = "0", paramLabel = "FILE", description = "The workflow (YAML or JSON).")
  Path file;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "no such file: " + file);
    }
    CompileResult compiled =
        new WorkflowCompiler().compile(file.toString(), Files.readString(file));
    if (!compiled.isValid()) {
      compiled.validation().diagnostics().stream().map(Diagnostic::format).forEach(err::println);
      err.flush();
      return 1;
    }
    WorkflowPlan plan = compiled.plan();
    if (!plan.isRunnable()) {
      plan.unsupported()
          .forEach((at, why) -> err.println(file + ": cannot run " + why + " [" + at + "]"));
      err.flush();
      return 1;
    }
    JsonNode data = readInput();
    SecretsProvider env =
        name -> Optional.ofNullable(System.getenv(name)).map(RunCommand::parse).orElse(null);
    try (Engine engine = Engine.builder(Stores.open(StoreUrl.parse("sqlite::memory:"))).build()) {
      SlwfRuntime slwf =
          SlwfRuntime.builder().secrets(env).allowRun(allowRun).build().install(engine);
      slwf.register(plan);
      engine.start();
      String id = slwf.start(engine.client(), plan, data, null);
      InstanceState state = engine.client().waitForCompletion(id, timeout).orElseThrow();
      if (state.status() == RuntimeStatus.COMPLETED) {
        out.println(JSON.writeValueAsString(state.output()));
        out.flush();
        return 0;
      }
      Problem problem =
          state.isTerminal()
              ? SlwfRuntime.problem(state)
              : Problem.timeout("the workflow did not finish within " + timeout);
      err.println(JSON.writeValueAsString(problem == null ? state.failure() : problem.toJson()));
      err.flush();
      return 1;
    }
  }

  private JsonNode readInput() throws IOException {
    if (input == null) {
      return JSON.createObjectNode();
    }
    try {
      String text = input.startsWith("@") ? Files.readString(Path.of(input.substring(1))) : input;
      return new YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--input is not JSON: " + e.getMessage());
    }
  }

  private static JsonNode parse(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(value);
    }
  }
}
