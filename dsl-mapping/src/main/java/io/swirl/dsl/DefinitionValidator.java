package io.swirl.dsl;

import io.swirl.dsl.source.SourceDocument;
import io.swirl.dsl.source.SourceLocation;
import io.swirl.dsl.source.SourceReader;
import io.swirl.dsl.source.SourceSyntaxException;
import io.swirl.dsl.validation.Findings;
import io.swirl.dsl.validation.SchemaCheck;
import io.swirl.dsl.validation.SemanticChecks;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Validates Serverless Workflow DSL 1.0.x definitions: well-formed YAML or JSON, the pinned JSON
 * schema, then the checks the schema cannot make (flow targets, duplicate names, references to
 * {@code use} entries, jq, durations, cron, reachability, features Swirl does not support).
 *
 * <p>Stateless and thread-safe: one instance may validate any number of files concurrently. The
 * schema is compiled once per JVM.
 */
public final class DefinitionValidator {

  /** Validates the file at {@code path}; JSON when its name ends in {@code .json}. */
  public ValidationResult validate(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (MalformedInputException e) {
      return failed(path.toString(), "the file is not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      return failed(path.toString(), "cannot read the file: " + e.getMessage());
    }
    return validate(path.toString(), text);
  }

  /**
   * Validates {@code text}, naming it {@code file} in diagnostics; JSON when {@code file} ends in
   * {@code .json} or the text starts with <code>{</code>, YAML otherwise.
   */
  public ValidationResult validate(String file, String text) {
    return new ValidationResult(file, check(file, text).diagnostics());
  }

  /** Runs every check and returns the findings with the parsed document, if it could be read. */
  static Checked check(String file, String text) {
    boolean json =
        file.toLowerCase(Locale.ROOT).endsWith(".json") || text.stripLeading().startsWith("{");
    SourceDocument document;
    try {
      document = SourceReader.read(text, json);
    } catch (SourceSyntaxException e) {
      SourceLocation at = e.location();
      return new Checked(
          null,
          List.of(
              new Diagnostic(
                  Severity.ERROR, "syntax", e.getMessage(), file, at.line(), at.column(), "")));
    }
    Findings findings = new Findings(file, document);
    if (!document.root().isObject()) {
      findings.errorAtValue(
          "schema", "", "a workflow must be a mapping with 'document' and 'do' at the top");
      return new Checked(document, findings.diagnostics());
    }
    SchemaCheck.check(findings);
    SemanticChecks.run(findings);
    return new Checked(document, findings.diagnostics());
  }

  private static ValidationResult failed(String file, String message) {
    return new ValidationResult(
        file, List.of(new Diagnostic(Severity.ERROR, "io", message, file, 0, 0, "")));
  }

  /** Findings with the document they are about ({@code null} when it could not be parsed). */
  record Checked(SourceDocument document, List<Diagnostic> diagnostics) {}
}
