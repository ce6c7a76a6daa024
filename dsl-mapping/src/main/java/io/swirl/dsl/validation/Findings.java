package io.swirl.dsl.validation;

import io.swirl.dsl.Diagnostic;
import io.swirl.dsl.Severity;
import io.swirl.dsl.source.SourceDocument;
import io.swirl.dsl.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics for one file, placing each at the source location of its pointer. */
public final class Findings {

  private final String file;
  private final SourceDocument document;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<String> broken = new ArrayList<>();

  public Findings(String file, SourceDocument document) {
    this.file = file;
    this.document = document;
  }

  /** An error placed at the member name (or array item) {@code pointer} names. */
  public void error(String code, String pointer, String message) {
    add(Severity.ERROR, code, pointer, message, document.locate(pointer));
  }

  /** An error placed at the value {@code pointer} names. */
  public void errorAtValue(String code, String pointer, String message) {
    add(Severity.ERROR, code, pointer, message, document.locateValue(pointer));
  }

  /** A warning placed at the member name (or array item) {@code pointer} names. */
  public void warning(String code, String pointer, String message) {
    add(Severity.WARNING, code, pointer, message, document.locate(pointer));
  }

  /** An error at an explicit location (for example inside a jq expression). */
  public void errorAt(String code, String pointer, String message, SourceLocation at) {
    add(Severity.ERROR, code, pointer, message, at);
  }

  /**
   * Records that the schema already rejected {@code pointer}; later findings at or below it, or at
   * its parent object, are dropped so that one mistake is reported once.
   */
  public void markBroken(String pointer) {
    broken.add(pointer);
  }

  private boolean isBroken(String pointer) {
    for (String b : broken) {
      if (pointer.equals(b) || pointer.startsWith(b + "/") || b.startsWith(pointer + "/")) {
        return true;
      }
    }
    return false;
  }

  private void add(
      Severity severity, String code, String pointer, String message, SourceLocation at) {
    if (!code.equals("schema") && isBroken(pointer)) {
      return;
    }
    diagnostics.add(new Diagnostic(severity, code, message, file, at.line(), at.column(), pointer));
  }

  public SourceDocument document() {
    return document;
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
