package io.swirl.workflows.scenarios;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every scenario test shares: a Swirl server on a SQLite file in a temporary directory, and
 * one stub HTTP server that plays the services the scenario calls (each under its own path prefix).
 */
abstract class ScenarioBase {

  private static final JsonMapper RELAXED =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
          .build();

  @TempDir Path dir;
  Swirl swirl;
  Stub stub;

  @BeforeEach
  void startServers() throws Exception {
    stub = new Stub();
    swirl = Swirl.start(dir);
  }

  @AfterEach
  void stopServers() {
    if (swirl != null) {
      swirl.close();
    }
    stub.close();
  }

  /** Stops the server and starts a new one on the same store file. */
  void restartServer() throws Exception {
    swirl.close();
    swirl = null;
    swirl = Swirl.start(dir);
  }

  /** JSON written the short way: single quotes and unquoted names allowed. */
  static JsonNode json(String relaxed) {
    try {
      return RELAXED.readTree(relaxed);
    } catch (IOException e) {
      throw new IllegalArgumentException("bad test JSON: " + relaxed, e);
    }
  }

  /** {@code json(relaxed)} with {@code services} set to the stub's URLs for the given names. */
  ObjectNode input(String relaxed, String... services) {
    ObjectNode input = (ObjectNode) json(relaxed);
    ObjectNode urls = input.putObject("services");
    for (String service : services) {
      urls.put(service, stub.url("/" + service));
    }
    return input;
  }

  /** Polls {@code condition} until it holds, failing after a deadline. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
