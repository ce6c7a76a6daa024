package io.swirl.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the validator's flat error list into the few errors that matter.
 *
 * <p>A failed {@code oneOf} reports every error of every branch: a task with one stray property
 * yields about a hundred. For each failed {@code oneOf}/{@code anyOf} this keeps only the branch
 * the instance was evidently meant to match (the one that accepts most of its properties), and
 * recurses into it; when no branch stands out it says which forms were allowed. An {@code
 * unevaluatedProperties} error is dropped when another error of the same schema explains it (a
 * failed sub-schema drops its annotations, so every property then looks unevaluated).
 */
final class SchemaCondenser {

  private static final Set<String> COMPOSITES = Set.of("oneOf", "anyOf");
  private static final Set<String> UNKNOWN_PROPERTY =
      Set.of("unevaluatedProperties", "additionalProperties");
  private static final Set<String> DOOR = Set.of("const", "enum", "not", "type");

  private final JsonNode document;

  SchemaCondenser(JsonNode document) {
    this.document = document;
  }

  List<SchemaProblem> condense(List<Error> errors) {
    List<E> all = errors.stream().map(E::new).toList();
    Map<String, SchemaProblem> out = new LinkedHashMap<>();
    for (SchemaProblem problem : select(all)) {
      out.putIfAbsent(problem.pointer() + "\n" + problem.message(), problem);
    }
    return List.copyOf(out.values());
  }

  private List<SchemaProblem> select(List<E> errors) {
    List<E> top = new ArrayList<>();
    errors.stream()
        .filter(e -> COMPOSITES.contains(e.keyword))
        .sorted(Comparator.comparingInt(e -> e.path.length()))
        .forEach(
            c -> {
              if (top.stream().noneMatch(t -> c.path.startsWith(t.path + "/"))) {
                top.add(c);
              }
            });
    List<SchemaProblem> result = new ArrayList<>();
    for (E e : errors) {
      if (top.contains(e) || top.stream().anyMatch(t -> e.path.startsWith(t.path + "/"))) {
        continue;
      }
      if (UNKNOWN_PROPERTY.contains(e.keyword) && explainedElsewhere(e, errors)) {
        continue;
      }
      result.add(SchemaMessages.describe(e.error, document));
    }
    for (E composite : top) {
      result.addAll(resolve(composite, errors));
    }
    return result;
  }

  private List<SchemaProblem> resolve(E composite, List<E> errors) {
    Map<String, List<E>> branches = new LinkedHashMap<>();
    String prefix = composite.path + "/";
    for (E e : errors) {
      if (e.path.startsWith(prefix)) {
        String rest = e.path.substring(prefix.length());
        int slash = rest.indexOf('/');
        branches
            .computeIfAbsent(slash < 0 ? rest : rest.substring(0, slash), k -> new ArrayList<>())
            .add(e);
      }
    }
    if (branches.isEmpty()) {
      return List.of(SchemaMessages.describe(composite.error, document));
    }
    JsonNode instance = document.at(composite.instance);
    List<Map.Entry<String, List<E>>> ranked = new ArrayList<>(branches.entrySet());
    Comparator<Map.Entry<String, List<E>>> byFit =
        Comparator.<Map.Entry<String, List<E>>>comparingInt(
                b -> -evidence(instance, composite, prefix + b.getKey(), b.getValue()))
            .thenComparingInt(b -> doors(composite, prefix + b.getKey(), b.getValue()))
            .thenComparingInt(b -> b.getValue().size());
    ranked.sort(byFit);
    boolean noEvidence =
        instance.isObject()
            && instance.size() > 0
            && evidence(
                    instance, composite, prefix + ranked.get(0).getKey(), ranked.get(0).getValue())
                == 0;
    if (!noEvidence && (ranked.size() == 1 || byFit.compare(ranked.get(0), ranked.get(1)) < 0)) {
      return select(ranked.get(0).getValue());
    }
    return List.of(SchemaMessages.noBranchFits(composite.error, document, missingKeys(branches)));
  }

  /** How many of the instance's properties a branch accepted: the evidence it was meant. */
  private static int evidence(JsonNode instance, E composite, String branch, List<E> errors) {
    if (!instance.isObject()) {
      return 0;
    }
    Set<String> rejected = new LinkedHashSet<>();
    for (E e : errors) {
      if (!topLevel(branch, e)) {
        continue;
      }
      if (UNKNOWN_PROPERTY.contains(e.keyword)
          && e.instance.equals(composite.instance)
          && !explainedBelow(e, errors)) {
        rejected.add(e.error.getProperty());
      } else if (DOOR.contains(e.keyword) && isChild(composite.instance, e.instance)) {
        rejected.add(e.instance.substring(composite.instance.length() + 1));
      }
    }
    int own = instance.size() - rejected.size();
    // A branch that is itself a oneOf/anyOf over the same instance is only as good as its best
    // alternative (callTask is a oneOf of the call kinds).
    for (E nested : errors) {
      if (COMPOSITES.contains(nested.keyword)
          && topLevel(branch, nested)
          && nested.instance.equals(composite.instance)) {
        Map<String, List<E>> groups = new LinkedHashMap<>();
        String prefix = nested.path + "/";
        for (E e : errors) {
          if (e.path.startsWith(prefix)) {
            String rest = e.path.substring(prefix.length());
            int slash = rest.indexOf('/');
            groups
                .computeIfAbsent(
                    slash < 0 ? rest : rest.substring(0, slash), k -> new ArrayList<>())
                .add(e);
          }
        }
        int best = 0;
        for (Map.Entry<String, List<E>> group : groups.entrySet()) {
          best =
              Math.max(best, evidence(instance, nested, prefix + group.getKey(), group.getValue()));
        }
        if (!groups.isEmpty()) {
          own = Math.min(own, best);
        }
      }
    }
    return own;
  }

  /** Errors that say the branch is the wrong kind altogether. */
  private static int doors(E composite, String branch, List<E> errors) {
    int count = 0;
    for (E e : errors) {
      if (topLevel(branch, e)
          && e.instance.equals(composite.instance)
          && (DOOR.contains(e.keyword) || e.keyword.equals("required"))) {
        count++;
      }
    }
    return count;
  }

  private static List<String> missingKeys(Map<String, List<E>> branches) {
    List<String> keys = new ArrayList<>();
    for (List<E> errors : branches.values()) {
      errors.stream()
          .filter(e -> e.keyword.equals("required"))
          .findFirst()
          .ifPresent(e -> keys.add(e.error.getProperty()));
    }
    return keys;
  }

  private static boolean topLevel(String branch, E e) {
    String rest = e.path.substring(branch.length());
    return !rest.contains("/oneOf/") && !rest.contains("/anyOf/");
  }

  private static boolean isChild(String parent, String child) {
    return child.startsWith(parent + "/") && child.indexOf('/', parent.length() + 1) < 0;
  }

  private static boolean explainedElsewhere(E unevaluated, List<E> errors) {
    String schema = unevaluated.path.substring(0, unevaluated.path.lastIndexOf('/'));
    for (E other : errors) {
      if (other != unevaluated
          && !UNKNOWN_PROPERTY.contains(other.keyword)
          && other.path.startsWith(schema + "/")
          && (other.instance.equals(unevaluated.instance)
              || other.instance.startsWith(unevaluated.instance + "/"))) {
        return true;
      }
    }
    return false;
  }

  /** Another error of the branch concerns the unevaluated property's own value. */
  private static boolean explainedBelow(E unevaluated, List<E> errors) {
    String property = unevaluated.instance + "/" + unevaluated.error.getProperty();
    for (E other : errors) {
      if (other != unevaluated
          && (other.instance.equals(property) || other.instance.startsWith(property + "/"))) {
        return true;
      }
    }
    return false;
  }

  /** An error with its paths as strings. */
  private static final class E {
    final Error error;
    final String path;
    final String instance;
    final String keyword;

    E(Error error) {
      this.error = error;
      this.path = error.getEvaluationPath().toString();
      this.instance = error.getInstanceLocation().toString();
      this.keyword = error.getKeyword() == null ? "" : error.getKeyword();
    }
  }
}
