package io.swirl.dsl;

/** How bad a {@link Diagnostic} is. */
public enum Severity {
  /** The definition cannot be deployed: it is invalid, or Swirl would run it wrongly. */
  ERROR,
  /** The definition is valid but something in it is probably not what its author meant. */
  WARNING;

  /** The lower-case name used in text and JSON output: {@code error}, {@code warning}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
