package io.swirl.dsl.validation;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.source.Pointers;
import java.util.regex.Pattern;

/** Literal durations have a fixed, non-negative length and {@code schedule.cron} parses. */
final class TimeCheck {

  static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Pattern DURATION =
      Pattern.compile(
          ".*/(do|try|branches|before|after)/\\d+/[^/]+/wait$|^/use/functions/[^/]+/wait$"
              + "|.*/timeout/after$|^/use/timeouts/[^/]+/after$|^/schedule/(every|after)$"
              + "|.*/lifetime/after$"
              + "|(.*/retry|^/use/retries/[^/]+)"
              + "/(delay|limit/duration|limit/attempt/duration|jitter/from|jitter/to)$");

  private TimeCheck() {}

  static void run(Findings findings) {
    JsonNode root = findings.document().root();
    durations(root, "", findings);
    JsonNode cron = root.path("schedule").path("cron");
    if (cron.isTextual()) {
      try {
        CRON.parse(cron.asText().strip()).validate();
      } catch (IllegalArgumentException e) {
        findings.errorAtValue(
            "bad-cron",
            "/schedule/cron",
            "'"
                + cron.asText()
                + "' is not a cron expression: "
                + e.getMessage()
                + "; write five fields: minute hour day-of-month month day-of-week (0 0 * * *)");
      }
    }
  }

  private static void durations(JsonNode node, String pointer, Findings findings) {
    if (DURATION.matcher(pointer).matches() && !Durations.isExpression(node)) {
      try {
        Durations.parse(node);
      } catch (IllegalArgumentException e) {
        findings.errorAtValue("bad-duration", pointer, e.getMessage());
      }
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        durations(node.get(i), Pointers.child(pointer, i), findings);
      }
    } else if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              f -> {
                if (!f.getKey().equals("metadata")) {
                  durations(f.getValue(), Pointers.child(pointer, f.getKey()), findings);
                }
              });
    }
  }
}
