package io.swirl.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.dsl.DefinitionValidator;
import io.swirl.dsl.Diagnostic;
import io.swirl.dsl.ValidationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code swirl validate}: checks workflow definitions offline, for CI. Exit 0 when every file is
 * valid (warnings allowed), 1 when any has an error, 2 for a usage error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate workflow definitions (DSL 1.0.x YAML or JSON) without a server.",
      "PATH is a file or a directory, searched recursively for .yaml, .yml and .json files.",
      "Exit status: 0 all valid (warnings allowed), 1 errors found, 2 usage error."
    })
final class ValidateCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output: text (file:line:col: severity: message [pointer]) or json.")
  Format format;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
  List<Path> paths;

  @Override
  public Integer call() {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(definitions(path));
    }
    DefinitionValidator validator = new DefinitionValidator();
    List<ValidationResult> results = files.parallelStream().map(validator::validate).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      printJson(results, out);
    } else {
      printText(results, out);
    }
    out.flush();
    return results.stream().allMatch(ValidationResult::isValid) ? 0 : 1;
  }

  private List<Path> definitions(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new ParameterException(spec.commandLine(), "no such file or directory: " + path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> found =
          walk.filter(Files::isRegularFile).filter(ValidateCommand::isDefinition).sorted().toList();
      if (found.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "no .yaml, .yml or .json files under " + path);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isDefinition(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static void printText(List<ValidationResult> results, PrintWriter out) {
    int errors = 0;
    int warnings = 0;
    for (ValidationResult result : results) {
      for (Diagnostic d : result.diagnostics()) {
        out.println(d.format());
      }
      errors += result.errors().size();
      warnings += result.warnings().size();
    }
    long invalid = results.stream().filter(r -> !r.isValid()).count();
    out.printf(
        "%d file%s checked, %d invalid: %d error%s, %d warning%s%n",
        results.size(),
        results.size() == 1 ? "" : "s",
        invalid,
        errors,
        errors == 1 ? "" : "s",
        warnings,
        warnings == 1 ? "" : "s");
  }

  private static void printJson(List<ValidationResult> results, PrintWriter out) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (ValidationResult result : results) {
      for (Diagnostic d : result.diagnostics()) {
        ObjectNode node = array.addObject();
        node.put("severity", d.severity().label());
        node.put("code", d.code());
        node.put("message", d.message());
        node.put("file", d.file());
        node.put("line", d.line());
        node.put("column", d.column());
        node.put("pointer", d.pointer());
      }
    }
    try {
      out.println(mapper.writeValueAsString(array));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
