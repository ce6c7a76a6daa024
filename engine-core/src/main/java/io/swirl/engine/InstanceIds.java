package io.swirl.engine;

import java.util.UUID;
import java.util.regex.Pattern;

/** The rule for instance ids: letters, digits, {@code -} and {@code _}, 1 to 64 characters. */
public final class InstanceIds {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private InstanceIds() {}

  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /**
   * Returns {@code id} when valid.
   *
   * @throws IllegalArgumentException saying what the rule is
   */
  public static String check(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException(
          "invalid instance id '" + id + "': use 1 to 64 letters, digits, '-' or '_'");
    }
    return id;
  }

  /** A new random id. */
  public static String generate() {
    return UUID.randomUUID().toString();
  }
}
