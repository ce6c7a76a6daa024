package io.swirl.dsl;

import java.util.List;

/**
 * What validating one file found.
 *
 * @param file the file as the caller named it
 * @param diagnostics every finding, in document order within each check
 */
public record ValidationResult(String file, List<Diagnostic> diagnostics) {

  public ValidationResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** True when no diagnostic is an error; warnings do not make a definition invalid. */
  public boolean isValid() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /** The errors only. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** The warnings only. */
  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
