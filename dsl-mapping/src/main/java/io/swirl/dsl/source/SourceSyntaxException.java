package io.swirl.dsl.source;

/** The text is not well-formed YAML or JSON, or uses a form Swirl does not read. */
public final class SourceSyntaxException extends Exception {

  private final transient SourceLocation location;

  public SourceSyntaxException(String message, SourceLocation location) {
    super(message);
    this.location = location;
  }

  /** Where the problem is. */
  public SourceLocation location() {
    return location;
  }
}
