package io.swirl.dsl.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One of {@code input}, {@code output} or {@code export}: a transformation and a JSON schema to
 * validate against. For {@code input} the schema applies before {@code from}; for {@code output}
 * and {@code export} after {@code as}.
 *
 * @param transform {@code input.from}, {@code output.as} or {@code export.as}; a bare string is a
 *     jq expression; {@code null} when absent
 * @param schema the {@code schema} object as written ({@code format}, {@code document} or {@code
 *     resource}), or {@code null}; shared, do not mutate
 */
public record DataFilter(ValueTemplate transform, JsonNode schema) {

  /** Neither a transformation nor a schema. */
  public static final DataFilter NONE = new DataFilter(null, null);
}
