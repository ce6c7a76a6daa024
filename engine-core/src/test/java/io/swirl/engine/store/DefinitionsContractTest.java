package io.swirl.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.Store.DeleteResult;
import io.swirl.engine.store.Store.SaveResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do with registered definitions; each store's test extends it. */
public abstract class DefinitionsContractTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  protected Store store;

  protected abstract Store openStore();

  @BeforeEach
  void open() {
    store = openStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static DefinitionRecord definition(String version, String hash) {
    return new DefinitionRecord(
        "shop", "order", version, hash, "document: {}\n", "application/yaml", T0);
  }

  @Test
  void a_definition_reads_back_as_registered_by_coordinates_and_by_hash() {
    assertThat(store.saveDefinition(definition("1.0.0", "h1"))).isEqualTo(SaveResult.CREATED);
    assertThat(store.getDefinition("shop", "order", "1.0.0")).contains(definition("1.0.0", "h1"));
    assertThat(store.getDefinitionByHash("h1")).contains(definition("1.0.0", "h1"));
    assertThat(store.getDefinition("shop", "order", "2.0.0")).isEmpty();
  }

  @Test
  void the_same_content_again_is_identical_and_different_content_conflicts() {
    store.saveDefinition(definition("1.0.0", "h1"));
    assertThat(store.saveDefinition(definition("1.0.0", "h1"))).isEqualTo(SaveResult.IDENTICAL);
    assertThat(store.saveDefinition(definition("1.0.0", "h2"))).isEqualTo(SaveResult.CONFLICT);
    assertThat(store.getDefinition("shop", "order", "1.0.0").orElseThrow().definitionHash())
        .isEqualTo("h1");
  }

  @Test
  void definitions_are_listed_in_registration_order_per_name() {
    store.saveDefinition(definition("1.0.0", "h1"));
    store.saveDefinition(
        new DefinitionRecord(
            "shop", "order", "1.1.0", "h2", "x", "application/yaml", T0.plusSeconds(1)));
    assertThat(store.listDefinitions())
        .extracting(DefinitionRecord::version)
        .containsExactly("1.0.0", "1.1.0");
  }

  @Test
  void a_definition_pinned_by_an_unfinished_instance_cannot_be_deleted() {
    store.saveDefinition(definition("1.0.0", "h1"));
    store.createInstance(
        new NewInstance(
            "i-1",
            new HistoryEvent.ExecutionStarted(
                "shop/order", "1.0.0", "h1", NullNode.getInstance(), null, null),
            T0,
            T0));
    assertThat(store.deleteDefinition("shop", "order", "1.0.0")).isEqualTo(DeleteResult.IN_USE);
    assertThat(store.deleteDefinition("shop", "order", "9.9.9")).isEqualTo(DeleteResult.NOT_FOUND);
    assertThat(store.listDefinitions()).hasSize(1);
  }

  @Test
  void an_unused_definition_is_deleted() {
    store.saveDefinition(definition("1.0.0", "h1"));
    assertThat(store.deleteDefinition("shop", "order", "1.0.0")).isEqualTo(DeleteResult.DELETED);
    assertThat(store.listDefinitions()).isEqualTo(List.of());
  }
}
