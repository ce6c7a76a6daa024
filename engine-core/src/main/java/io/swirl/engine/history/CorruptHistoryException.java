package io.swirl.engine.history;

/**
 * A stored history event cannot be read back. Retrying cannot help: the instance it belongs to is
 * failed instead of being retried forever.
 */
public class CorruptHistoryException extends IllegalStateException {

  public CorruptHistoryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when {@code error} or one of its causes is a {@code CorruptHistoryException}. */
  public static boolean isCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CorruptHistoryException) {
        return true;
      }
    }
    return false;
  }
}
