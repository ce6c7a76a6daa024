package io.swirl.dsl;

import java.util.Objects;

/**
 * One finding about a workflow definition.
 *
 * @param severity how bad it is
 * @param code a stable, kebab-case name of the check that found it (e.g. {@code
 *     unknown-then-target}); tools may filter on it
 * @param message what is wrong and what to do, in one or two sentences, without the location
 * @param file the file as the caller named it, or a label such as {@code <request>}
 * @param line 1-based line in the source text; 0 when the finding has no place (unreadable file)
 * @param column 1-based column in the source text; 0 when {@code line} is 0
 * @param pointer JSON pointer (RFC 6901) to the offending node, which starts with the enclosing
 *     task's pointer (e.g. {@code /do/2/checkStock/then}); {@code ""} for the whole document
 */
public record Diagnostic(
    Severity severity,
    String code,
    String message,
    String file,
    int line,
    int column,
    String pointer) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pointer, "pointer");
  }

  /** True for {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The compiler-style line: {@code file:line:col: error: message [pointer]}; the pointer part is
   * left out for the whole document.
   */
  public String format() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line).append(':').append(column);
    }
    text.append(": ").append(severity.label()).append(": ").append(message);
    if (!pointer.isEmpty()) {
      text.append(" [").append(pointer).append(']');
    }
    return text.toString();
  }
}
