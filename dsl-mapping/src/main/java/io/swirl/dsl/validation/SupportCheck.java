package io.swirl.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Warns about valid features Swirl does not run yet ({@link Unsupported}), and refuses documents
 * written for another DSL version.
 */
final class SupportCheck {

  private static final Pattern DSL_1_0 = Pattern.compile("^1\\.0\\.\\d+([-+].*)?$");
  private static final Pattern CATALOGED = Pattern.compile("^[^:@]+:[^@]+@.+$");

  private SupportCheck() {}

  static void run(Walk walk, Findings findings) {
    JsonNode root = findings.document().root();
    JsonNode dsl = root.path("document").path("dsl");
    if (dsl.isTextual() && !DSL_1_0.matcher(dsl.asText()).matches()) {
      findings.errorAtValue(
          "unsupported-dsl-version",
          "/document/dsl",
          "Swirl runs DSL 1.0.x; this document declares '"
              + dsl.asText()
              + "'. Port it to 1.0 and set dsl: '1.0.3'");
    }
    for (Map.Entry<String, String> feature : Unsupported.FEATURES.entrySet()) {
      if (!root.at(feature.getKey()).isMissingNode()) {
        warn(findings, feature.getKey(), feature.getValue());
      }
    }
    for (Walk.TaskSite site : walk.tasks()) {
      JsonNode call = site.task().path("call");
      if (call.isTextual()) {
        String name = call.asText();
        if (Unsupported.CALLS.containsKey(name)) {
          warn(findings, site.pointer() + "/call", Unsupported.CALLS.get(name));
        } else if (name.contains("://") || CATALOGED.matcher(name).matches()) {
          warn(findings, site.pointer() + "/call", Unsupported.EXTERNAL_FUNCTION);
        }
      }
      JsonNode run = site.task().path("run");
      for (Map.Entry<String, String> kind : Unsupported.RUNS.entrySet()) {
        if (run.has(kind.getKey())) {
          warn(findings, site.pointer() + "/run/" + kind.getKey(), kind.getValue());
        }
      }
    }
  }

  private static void warn(Findings findings, String pointer, String what) {
    findings.warning(
        "unsupported-feature",
        pointer,
        what
            + " are not supported by Swirl yet; the definition is valid, but Swirl will refuse"
            + " to run it");
  }
}
