package io.swirl.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.source.Pointers;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names that refer to {@code use} entries exist there: functions, catalogs, errors, retries,
 * authentications, secrets and timeouts.
 */
final class ReferenceCheck {

  static final Set<String> CALL_PROTOCOLS =
      Set.of("http", "openapi", "grpc", "asyncapi", "a2a", "mcp");
  private static final Set<String> AUTH_SCHEMES =
      Set.of("basic", "bearer", "digest", "oauth2", "oidc");
  private static final Pattern CATALOGED = Pattern.compile("^([^:@]+):([^@]+)@(.+)$");
  private static final Pattern SECRET = Pattern.compile("\\$secrets\\.([A-Za-z_][A-Za-z0-9_]*)");

  private ReferenceCheck() {}

  static void run(Walk walk, Findings findings) {
    JsonNode root = findings.document().root();
    JsonNode use = root.path("use");
    Set<String> secrets = new LinkedHashSet<>();
    use.path("secrets").forEach(s -> secrets.add(s.asText()));
    for (Walk.TaskSite site : walk.tasks()) {
      JsonNode task = site.task();
      JsonNode call = task.path("call");
      if (call.isTextual()) {
        function(call.asText(), site.pointer() + "/call", use, findings);
      }
      JsonNode error = task.path("raise").path("error");
      if (error.isTextual()) {
        named(error.asText(), site.pointer() + "/raise/error", use, "errors", "error", findings);
      }
      JsonNode retry = task.path("catch").path("retry");
      if (retry.isTextual()) {
        named(
            retry.asText(),
            site.pointer() + "/catch/retry",
            use,
            "retries",
            "retry policy",
            findings);
      }
      timeout(task.path("timeout"), site.pointer() + "/timeout", use, findings);
    }
    timeout(root.path("timeout"), "/timeout", use, findings);
    authentications(root, "", use, secrets, findings);
    for (Walk.ExpressionSite site : walk.expressions()) {
      Matcher m = SECRET.matcher(site.text());
      while (m.find()) {
        if (!secrets.contains(m.group(1))) {
          findings.errorAtValue(
              "unknown-secret",
              site.pointer(),
              "$secrets."
                  + m.group(1)
                  + " is not declared; add '"
                  + m.group(1)
                  + "' to use.secrets");
        }
      }
    }
  }

  private static void function(String name, String pointer, JsonNode use, Findings findings) {
    if (CALL_PROTOCOLS.contains(name) || name.contains("://")) {
      return;
    }
    Matcher cataloged = CATALOGED.matcher(name);
    if (cataloged.matches()) {
      String catalog = cataloged.group(3);
      if (!catalog.equals("default") && !use.path("catalogs").has(catalog)) {
        findings.errorAtValue(
            "unknown-catalog",
            pointer,
            "catalog '"
                + catalog
                + "' is not defined; add it under use.catalogs"
                + Suggest.didYouMean(catalog, keys(use.path("catalogs"))));
      }
      return;
    }
    if (!use.path("functions").has(name)) {
      findings.errorAtValue(
          "unknown-function",
          pointer,
          "function '"
              + name
              + "' is not defined; define it under use.functions, or call one of "
              + "http, openapi, grpc, asyncapi, a2a, mcp, a function URI or name:version@catalog"
              + Suggest.didYouMean(name, keys(use.path("functions"))));
    }
  }

  private static void timeout(JsonNode timeout, String pointer, JsonNode use, Findings findings) {
    if (timeout.isTextual()) {
      named(timeout.asText(), pointer, use, "timeouts", "timeout", findings);
    }
  }

  private static void named(
      String name, String pointer, JsonNode use, String section, String what, Findings findings) {
    if (!use.path(section).has(name)) {
      findings.errorAtValue(
          "unknown-" + section.replaceAll("ies$", "y").replaceAll("s$", ""),
          pointer,
          what
              + " '"
              + name
              + "' is not defined; define it under use."
              + section
              + Suggest.didYouMean(name, keys(use.path(section))));
    }
  }

  /** Walks the whole tree for {@code authentication: {use: name}} and secret-based policies. */
  private static void authentications(
      JsonNode node, String pointer, JsonNode use, Set<String> secrets, Findings findings) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        authentications(node.get(i), Pointers.child(pointer, i), use, secrets, findings);
      }
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      String p = Pointers.child(pointer, key);
      if (key.equals("authentication") && value.path("use").isTextual()) {
        named(
            value.get("use").asText(),
            p + "/use",
            use,
            "authentications",
            "authentication",
            findings);
      } else if (AUTH_SCHEMES.contains(key) && value.path("use").isTextual()) {
        String secret = value.get("use").asText();
        if (!secrets.contains(secret)) {
          findings.errorAtValue(
              "unknown-secret",
              p + "/use",
              "secret '"
                  + secret
                  + "' is not declared; add it to use.secrets"
                  + Suggest.didYouMean(secret, secrets));
        }
      }
      if (!key.equals("metadata")) {
        authentications(value, p, use, secrets, findings);
      }
    }
  }

  private static Set<String> keys(JsonNode object) {
    Set<String> names = new LinkedHashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
