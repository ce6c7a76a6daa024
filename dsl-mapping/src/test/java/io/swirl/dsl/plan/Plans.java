package io.swirl.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.dsl.CompileResult;
import io.swirl.dsl.WorkflowCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Compiles test definitions and walks plans. */
final class Plans {

  static final Path EXAMPLES = Path.of("..", "..", "shared", "spec", "examples");
  static final WorkflowCompiler COMPILER = new WorkflowCompiler();

  private Plans() {}

  /** The plan of a definition that must be valid. */
  static WorkflowPlan compile(String fileName, String source) {
    CompileResult result = COMPILER.compile(fileName, source);
    assertThat(result.validation().errors()).as(fileName).isEmpty();
    assertThat(result.plan()).as(fileName).isNotNull();
    return result.plan();
  }

  /** The plan of a spec example. */
  static WorkflowPlan example(String name) {
    Path file = EXAMPLES.resolve(name);
    try {
      return compile(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every task of the plan, depth first, in document order (function definitions excluded). */
  static List<TaskNode> allTasks(TaskList list) {
    List<TaskNode> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (TaskNode task : list.tasks()) {
      out.add(task);
      for (TaskList inner : children(task)) {
        out.addAll(allTasks(inner));
      }
    }
    return out;
  }

  /** The task lists directly inside {@code task}. */
  static List<TaskList> children(TaskNode task) {
    List<TaskList> out = new ArrayList<>();
    if (task instanceof DoTask t) {
      out.add(t.tasks());
    } else if (task instanceof ForTask t) {
      out.add(t.tasks());
    } else if (task instanceof ForkTask t) {
      out.add(t.branches());
    } else if (task instanceof TryTask t) {
      out.add(t.tasks());
      if (t.handler() != null && t.handler().tasks() != null) {
        out.add(t.handler().tasks());
      }
    } else if (task instanceof ListenTask t && t.foreach() != null && t.foreach().tasks() != null) {
      out.add(t.foreach().tasks());
    }
    return out;
  }
}
