package io.swirl.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered workflow definition, kept as its source so that it reads back exactly as it was
 * registered.
 *
 * @param definitionHash the content hash instances pin when they start
 * @param mediaType the source's format, e.g. {@code application/yaml} or {@code application/json}
 */
public record DefinitionRecord(
    String namespace,
    String name,
    String version,
    String definitionHash,
    String source,
    String mediaType,
    Instant createdAt) {

  public DefinitionRecord {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(definitionHash, "definitionHash");
    Objects.requireNonNull(source, "source");
  }
}
