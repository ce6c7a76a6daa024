package io.swirl.dsl.plan;

import java.util.Objects;

/**
 * What every task has, whatever its type.
 *
 * @param name the task's name in its list
 * @param pointer the task's JSON pointer, e.g. {@code /do/2/checkStock}; RFC 7807 {@code instance}
 * @param condition {@code if}, or {@code null}
 * @param input {@code input.schema} and {@code input.from}
 * @param output {@code output.as} and {@code output.schema}
 * @param export {@code export.as} and {@code export.schema}
 * @param timeout {@code timeout.after}, inline or resolved from {@code use.timeouts}; {@code null}
 *     when the task has none
 * @param then where to go next, resolved
 */
public record TaskCommon(
    String name,
    String pointer,
    Expression condition,
    DataFilter input,
    DataFilter output,
    DataFilter export,
    TimeSpan timeout,
    FlowTarget then) {

  public TaskCommon {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(then, "then");
  }
}
