package io.swirl.dsl.validation;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/** Compiles runtime expressions with jackson-jq and finds the variables they use. */
public final class Jq {

  private static final Pattern WRAPPED = Pattern.compile("^\\s*\\$\\{(.*)}\\s*$", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern BINDING =
      Pattern.compile("\\bas\\s*[\\[{]?[^|]*|\\bdef\\s+\\w+\\s*\\(([^)]*)\\)");
  private static final Set<String> BUILTIN = Set.of("__loc__", "ENV", "__prog_args");

  private Jq() {}

  /** The jq program inside <code>${ }</code>, or the text itself when it is not wrapped. */
  public static String unwrap(String text) {
    Matcher m = WRAPPED.matcher(text);
    return m.matches() ? m.group(1).trim() : text.trim();
  }

  /**
   * Compiles a jq program.
   *
   * @throws JsonQueryException with jackson-jq's message when it does not compile
   */
  public static JsonQuery compile(String program) throws JsonQueryException {
    return JsonQuery.compile(program, Versions.JQ_1_6);
  }

  /**
   * The {@code $variables} a program reads that it does not bind itself (with {@code as $x} or a
   * {@code def f($x)} parameter), in order of appearance. A lexical scan: string literals are
   * skipped, and a name bound anywhere in the program counts as bound everywhere in it.
   */
  public static Set<String> freeVariables(String program) {
    String code = STRING.matcher(program).replaceAll("\"\"");
    Set<String> bound = new LinkedHashSet<>(BUILTIN);
    Matcher binding = BINDING.matcher(code);
    while (binding.find()) {
      Matcher names = VARIABLE.matcher(binding.group());
      while (names.find()) {
        bound.add(names.group(1));
      }
    }
    Set<String> free = new LinkedHashSet<>();
    Matcher uses = VARIABLE.matcher(code);
    while (uses.find()) {
      if (!bound.contains(uses.group(1))) {
        free.add(uses.group(1));
      }
    }
    return free;
  }
}
