package io.swirl.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates a document against the pinned DSL schema ({@code /io/swirl/schemas/workflow.yaml}). */
public final class SchemaCheck {

  static final String RESOURCE = "/io/swirl/schemas/workflow.yaml";

  private SchemaCheck() {}

  /**
   * Reports every schema violation of the document, condensed, and marks each offending pointer as
   * broken so later checks stay quiet about it.
   */
  public static void check(Findings findings) {
    JsonNode root = findings.document().root();
    List<Error> errors = rawErrors(root);
    if (errors.isEmpty()) {
      return;
    }
    for (SchemaProblem problem : new SchemaCondenser(root).condense(errors)) {
      if (problem.atValue()) {
        findings.errorAtValue("schema", problem.pointer(), problem.message());
      } else {
        findings.error("schema", problem.pointer(), problem.message());
      }
      findings.markBroken(problem.pointer());
    }
  }

  /** The raw validator errors, in the validator's order. */
  public static List<Error> rawErrors(JsonNode document) {
    return Holder.SCHEMA.validate(document);
  }

  /** The schema tree itself, for looking up titles of sub-schemas. */
  static JsonNode schemaTree() {
    return Holder.TREE;
  }

  private static final class Holder {
    static final JsonNode TREE = load();
    static final Schema SCHEMA = compile(TREE);

    private static JsonNode load() {
      try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on the class path (swirl-schemas)");
        }
        return new ObjectMapper(new YAMLFactory()).readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Schema compile(JsonNode tree) {
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
      Schema schema = registry.getSchema(SchemaLocation.of(tree.get("$id").asText()), tree);
      schema.initializeValidators();
      return schema;
    }
  }
}
