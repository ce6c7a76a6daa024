package io.swirl.dsl.source;

/** JSON pointer (RFC 6901) helpers. */
public final class Pointers {

  private Pointers() {}

  /** {@code parent} with one more reference token, escaped. */
  public static String child(String parent, String name) {
    return parent + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** {@code parent} with an array index appended. */
  public static String child(String parent, int index) {
    return parent + "/" + index;
  }
}
