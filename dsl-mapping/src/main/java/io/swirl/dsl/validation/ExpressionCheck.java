package io.swirl.dsl.validation;

import java.util.Set;
import java.util.TreeSet;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/** Every runtime expression compiles as jq and reads only variables that exist where it runs. */
final class ExpressionCheck {

  private ExpressionCheck() {}

  static void run(Walk walk, Findings findings) {
    for (Walk.ExpressionSite site : walk.expressions()) {
      String program = Jq.unwrap(site.text());
      if (program.isEmpty()) {
        findings.errorAtValue(
            "jq-syntax", site.pointer(), "the runtime expression is empty; write a jq program");
        continue;
      }
      try {
        Jq.compile(program);
      } catch (JsonQueryException e) {
        findings.errorAtValue(
            "jq-syntax",
            site.pointer(),
            "jq does not compile: " + reason(e) + " in '" + program + "'; fix the expression");
        continue;
      }
      for (String name : Jq.freeVariables(program)) {
        if (!site.variables().contains(name)) {
          findings.errorAtValue(
              "jq-undefined-variable",
              site.pointer(),
              "$"
                  + name
                  + " is not defined here; the variables in scope are "
                  + names(site.variables()));
        }
      }
    }
  }

  private static String names(Set<String> variables) {
    StringBuilder text = new StringBuilder();
    for (String name : new TreeSet<>(variables)) {
      text.append(text.length() == 0 ? "" : ", ").append('$').append(name);
    }
    return text.toString();
  }

  /** jackson-jq's parser message, first line, in plain words. */
  static String reason(JsonQueryException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String text = firstLine(cause.getMessage());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("Encountered \"?(.*?)\"? at line (\\d+), column (\\d+)\\.?")
            .matcher(text);
    if (m.find()) {
      String token =
          m.group(1).equals("<EOF>") ? "end of expression" : "'" + m.group(1).strip() + "'";
      return "unexpected " + token + " at column " + m.group(3);
    }
    return text;
  }

  private static String firstLine(String message) {
    String text = message == null ? "syntax error" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
