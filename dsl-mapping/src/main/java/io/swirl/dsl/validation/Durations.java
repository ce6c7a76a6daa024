package io.swirl.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DSL durations: ISO 8601 strings ({@code PT30S}, {@code P1DT2H}, {@code P2W}, fractions
 * allowed) and duration objects ({@code {days, hours, minutes, seconds, milliseconds}}).
 */
public final class Durations {

  private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
  private static final Pattern ISO =
      Pattern.compile(
          "^P(?:"
              + NUMBER
              + "Y)?(?:"
              + NUMBER
              + "M)?(?:"
              + NUMBER
              + "W)?(?:"
              + NUMBER
              + "D)?(?:T(?:"
              + NUMBER
              + "H)?(?:"
              + NUMBER
              + "M)?(?:"
              + NUMBER
              + "S)?)?$");
  private static final long[] SECONDS = {0, 0, 7 * 86400, 86400, 3600, 60, 1};

  private Durations() {}

  /** True for a <code>${ }</code> runtime expression, whose value is known only at run time. */
  public static boolean isExpression(JsonNode value) {
    return value.isTextual() && value.asText().strip().startsWith("${");
  }

  /**
   * The fixed length of a literal duration.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and what to do
   */
  public static Duration parse(JsonNode value) {
    if (value.isObject()) {
      return object(value);
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("a duration must be an ISO 8601 string or an object");
    }
    String text = value.asText().strip();
    Matcher m = ISO.matcher(text);
    if (!m.matches() || text.equals("P") || text.endsWith("T")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an ISO 8601 duration; write it like PT30S, PT5M or P1DT2H");
    }
    if (m.group(1) != null || m.group(2) != null) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' uses calendar years or months, which have no fixed length; write days instead"
              + " (P30D)");
    }
    BigDecimal seconds = BigDecimal.ZERO;
    for (int g = 3; g <= 7; g++) {
      if (m.group(g) != null) {
        seconds =
            seconds.add(new BigDecimal(m.group(g)).multiply(BigDecimal.valueOf(SECONDS[g - 1])));
      }
    }
    BigDecimal nanos = seconds.movePointRight(9);
    return Duration.ofSeconds(0, nanos.longValue());
  }

  private static Duration object(JsonNode value) {
    Duration total = Duration.ZERO;
    total = total.plusDays(part(value, "days"));
    total = total.plusHours(part(value, "hours"));
    total = total.plusMinutes(part(value, "minutes"));
    total = total.plusSeconds(part(value, "seconds"));
    return total.plusMillis(part(value, "milliseconds"));
  }

  private static long part(JsonNode value, String unit) {
    JsonNode n = value.path(unit);
    if (n.isMissingNode()) {
      return 0;
    }
    if (!n.canConvertToLong() || n.asLong() < 0) {
      throw new IllegalArgumentException(
          unit + " is " + n + "; a duration's parts must be whole numbers of 0 or more");
    }
    return n.asLong();
  }
}
