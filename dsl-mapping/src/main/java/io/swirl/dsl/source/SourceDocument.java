package io.swirl.dsl.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed definition: its JSON tree and, for every JSON pointer in it, where its key and its value
 * start in the source text.
 *
 * @param root the document's tree
 * @param keys where the member name starts, for every pointer that names an object member
 * @param values where the value starts, for every pointer (the root is {@code ""})
 */
public record SourceDocument(
    JsonNode root, Map<String, SourceLocation> keys, Map<String, SourceLocation> values) {

  public SourceDocument {
    keys = Map.copyOf(keys);
    values = Map.copyOf(values);
  }

  /**
   * Where to point a reader for the thing at {@code pointer}: the member name when it is one, the
   * value otherwise; the nearest enclosing pointer with a location when the pointer is not in the
   * document (for example a required member that is missing).
   */
  public SourceLocation locate(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      SourceLocation at = keys.get(p);
      if (at == null) {
        at = values.get(p);
      }
      if (at != null) {
        return at;
      }
      if (p.isEmpty()) {
        return SourceLocation.UNKNOWN;
      }
    }
  }

  /** Where the value at {@code pointer} starts, else as {@link #locate}. */
  public SourceLocation locateValue(String pointer) {
    SourceLocation at = values.get(pointer);
    return at != null ? at : locate(pointer);
  }

  /** The value at {@code pointer}, or a missing node. */
  public JsonNode at(String pointer) {
    return root.at(pointer);
  }

  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }
}
