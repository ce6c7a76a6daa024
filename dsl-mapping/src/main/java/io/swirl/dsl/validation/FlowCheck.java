package io.swirl.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.source.Pointers;
import io.swirl.dsl.source.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Within each task list: names are unique, every {@code then} names a task of the same list (or
 * {@code continue}, {@code exit}, {@code end}), and every task can be reached from the first.
 */
final class FlowCheck {

  static final Set<String> DIRECTIVES = Set.of("continue", "exit", "end");

  private FlowCheck() {}

  static void run(Walk walk, Findings findings) {
    for (Walk.ListSite list : walk.lists()) {
      Map<String, Integer> index = names(list, findings);
      List<List<Integer>> next = new ArrayList<>();
      for (int i = 0; i < list.tasks().size(); i++) {
        next.add(successors(list, i, index, findings));
      }
      unreachable(list, next, findings);
    }
  }

  private static Map<String, Integer> names(Walk.ListSite list, Findings findings) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < list.tasks().size(); i++) {
      String name = nameAt(list, i);
      if (name == null) {
        continue;
      }
      Integer first = index.putIfAbsent(name, i);
      if (first != null) {
        String firstPointer = taskPointer(list, first);
        SourceLocation at = findings.document().locate(firstPointer);
        findings.error(
            "duplicate-task-name",
            taskPointer(list, i),
            "duplicate task name '"
                + name
                + "' in this list (first at line "
                + at.line()
                + "); rename one so that 'then' and error reports can tell them apart");
      }
    }
    return index;
  }

  private static List<Integer> successors(
      Walk.ListSite list, int i, Map<String, Integer> index, Findings findings) {
    List<Integer> next = new ArrayList<>();
    String name = nameAt(list, i);
    if (name == null) {
      return next;
    }
    String pointer = taskPointer(list, i);
    JsonNode task = list.tasks().get(i).get(name);
    boolean fallsThrough = true;
    JsonNode cases = task.path("switch");
    if (cases.isArray()) {
      for (int c = 0; c < cases.size(); c++) {
        JsonNode item = cases.get(c);
        if (!item.isObject() || item.size() != 1) {
          continue;
        }
        String caseName = item.fieldNames().next();
        String thenPointer =
            Pointers.child(
                Pointers.child(Pointers.child(pointer + "/switch", c), caseName), "then");
        JsonNode then = item.get(caseName).path("then");
        target(then, thenPointer, list, i, index, findings, next);
        if (!item.get(caseName).has("when")) {
          fallsThrough = false; // a default case always matches
        }
      }
    }
    JsonNode then = task.path("then");
    if (task.has("if")) {
      addNext(list, i, next); // a task whose 'if' is false is skipped
    }
    if (fallsThrough) {
      if (then.isMissingNode()) {
        addNext(list, i, next);
      } else {
        target(then, pointer + "/then", list, i, index, findings, next);
      }
    } else if (!then.isMissingNode()) {
      target(then, pointer + "/then", list, i, index, findings, new ArrayList<>());
    }
    return next;
  }

  private static void target(
      JsonNode then,
      String pointer,
      Walk.ListSite list,
      int i,
      Map<String, Integer> index,
      Findings findings,
      List<Integer> next) {
    if (!then.isTextual()) {
      return;
    }
    String name = then.asText();
    if (name.equals("continue")) {
      addNext(list, i, next);
    } else if (!DIRECTIVES.contains(name)) {
      Integer at = index.get(name);
      if (at != null) {
        next.add(at);
      } else {
        findings.errorAtValue(
            "unknown-then-target",
            pointer,
            "then: '"
                + name
                + "' names no task in this list; use one of "
                + String.join(", ", index.keySet())
                + " or continue, exit, end"
                + Suggest.didYouMean(name, index.keySet()));
      }
    }
  }

  private static void addNext(Walk.ListSite list, int i, List<Integer> next) {
    if (i + 1 < list.tasks().size()) {
      next.add(i + 1);
    }
  }

  private static void unreachable(Walk.ListSite list, List<List<Integer>> next, Findings findings) {
    int size = list.tasks().size();
    if (size == 0) {
      return;
    }
    boolean[] seen = new boolean[size];
    Deque<Integer> todo = new ArrayDeque<>(List.of(0));
    seen[0] = true;
    while (!todo.isEmpty()) {
      for (int n : next.get(todo.pop())) {
        if (!seen[n]) {
          seen[n] = true;
          todo.push(n);
        }
      }
    }
    for (int i = 0; i < size; i++) {
      String name = nameAt(list, i);
      if (!seen[i] && name != null) {
        findings.warning(
            "unreachable-task",
            taskPointer(list, i),
            "task '"
                + name
                + "' is never run: the task before it does not continue to it and no 'then' names"
                + " it; remove it or point a 'then' at it");
      }
    }
  }

  static String nameAt(Walk.ListSite list, int i) {
    JsonNode item = list.tasks().get(i);
    return item.isObject() && item.size() == 1 ? item.fieldNames().next() : null;
  }

  static String taskPointer(Walk.ListSite list, int i) {
    return Pointers.child(Pointers.child(list.pointer(), i), nameAt(list, i));
  }
}
