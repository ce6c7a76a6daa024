package io.swirl.interpreter.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.engine.Activity;
import io.swirl.engine.ActivityContext;
import io.swirl.interpreter.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code swirl.run.shell} and {@code swirl.run.script}: runs a process on the host, only when the
 * operator allowed that kind. A shell command runs as {@code sh -c <command> sh <arguments...>} (so
 * {@code $1} is the first argument); a script is written to a temporary file and run with {@code
 * node} ({@code js}, {@code javascript}) or {@code python3} ({@code python}), with its arguments
 * after the file name. {@code stdin}, {@code environment} and {@code return} ({@code stdout}
 * (default), {@code stderr}, {@code code}, {@code all}, {@code none}) are honoured; trailing
 * newlines of stdout/stderr are removed. A non-zero exit code is a runtime error unless {@code
 * return} is {@code code} or {@code all}.
 */
public final class ProcessActivity implements Activity {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String kind;
  private final Set<String> allowed;

  /**
   * @param kind {@code shell} or {@code script}
   * @param allowed the kinds the operator allows
   */
  public ProcessActivity(String kind, Set<String> allowed) {
    this.kind = kind;
    this.allowed = Set.copyOf(allowed);
  }

  @Override
  public Object run(ActivityContext ctx) throws Exception {
    if (!allowed.contains(kind)) {
      throw Failures.of(Problem.configuration("run: " + kind + " is disabled on this runtime"));
    }
    JsonNode process = ctx.input().path("process");
    String returns = ctx.input().path("return").asText("stdout");
    List<String> command = new ArrayList<>();
    Path script = null;
    if (kind.equals("shell")) {
      command.addAll(List.of("sh", "-c", process.path("command").asText(), "sh"));
    } else {
      String language = process.path("language").asText().toLowerCase(Locale.ROOT);
      String interpreter =
          switch (language) {
            case "js", "javascript" -> "node";
            case "python" -> "python3";
            default ->
                throw Failures.of(
                    Problem.configuration("unsupported script language: " + language));
          };
      script = Files.createTempFile("swirl-script", language.equals("python") ? ".py" : ".js");
      Files.writeString(script, process.path("code").asText());
      command.addAll(List.of(interpreter, script.toString()));
    }
    process.path("arguments").forEach(a -> command.add(a.isTextual() ? a.asText() : a.toString()));
    try {
      return run(command, process, returns);
    } finally {
      if (script != null) {
        Files.deleteIfExists(script);
      }
    }
  }

  private static JsonNode run(List<String> command, JsonNode process, String returns)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    process
        .path("environment")
        .fields()
        .forEachRemaining(e -> builder.environment().put(e.getKey(), e.getValue().asText()));
    Process p = builder.start();
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    JsonNode stdin = process.get("stdin");
    try (var in = p.getOutputStream()) {
      if (stdin != null && !stdin.isNull()) {
        in.write(
            (stdin.isTextual() ? stdin.asText() : stdin.toString())
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw Failures.of(Problem.timeout("the process ran longer than 10 minutes"));
    }
    int code = p.exitValue();
    String stdout = strip(out.join());
    String stderr = strip(err.join());
    if (code != 0 && !returns.equals("code") && !returns.equals("all")) {
      throw Failures.of(Problem.runtime("the process exited with " + code + ": " + stderr));
    }
    return switch (returns) {
      case "stderr" -> JSON.getNodeFactory().textNode(stderr);
      case "code" -> JSON.getNodeFactory().numberNode(code);
      case "none" -> JSON.nullNode();
      case "all" -> {
        ObjectNode all = JSON.createObjectNode();
        all.put("code", code);
        all.put("stdout", stdout);
        all.put("stderr", stderr);
        yield all;
      }
      default -> JSON.getNodeFactory().textNode(stdout);
    };
  }

  private static CompletableFuture<String> read(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }

  private static String strip(String text) {
    return text.replaceAll("[\\r\\n]+$", "");
  }
}
