package io.swirl.dsl.source;

/** A 1-based line and column in a source text; {@link #UNKNOWN} when there is none. */
public record SourceLocation(int line, int column) {

  /** No location: line and column are 0. */
  public static final SourceLocation UNKNOWN = new SourceLocation(0, 0);
}
