package io.swirl.interpreter.schedule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swirl.engine.Activity;
import io.swirl.engine.ActivityContext;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceAlreadyExistsException;
import io.swirl.engine.NonRetriableException;
import io.swirl.engine.StartOptions;
import java.util.function.Supplier;

/**
 * Starts one scheduled run, pinned to the definition's version and hash as {@code
 * SlwfRuntime.start} pins it. The id is the slot's, so a redelivered or retried task finds the run
 * it started before and reports it as not {@code created}: a slot never starts two runs.
 */
final class StartActivity implements Activity {

  static final String NAME = "swirl.schedule.start";

  /** The failure type when the definition can no longer be run (deleted, unknown here). */
  static final String TARGET_UNKNOWN = "swirl.schedule.TargetUnknown";

  record Request(String target, String version, String definitionHash, String instanceId) {}

  record Started(String instanceId, boolean created) {}

  private final Supplier<EngineClient> client;

  StartActivity(Supplier<EngineClient> client) {
    this.client = client;
  }

  @Override
  public Object run(ActivityContext ctx) {
    Request request = ctx.getInput(Request.class);
    try {
      client
          .get()
          .scheduleNew(
              request.target(),
              JsonNodeFactory.instance.objectNode(),
              new StartOptions(
                  request.instanceId(), request.version(), request.definitionHash(), null));
      return new Started(request.instanceId(), true);
    } catch (InstanceAlreadyExistsException e) {
      return new Started(request.instanceId(), false);
    } catch (IllegalArgumentException e) {
      throw new NonRetriableException(TARGET_UNKNOWN, e.getMessage(), null);
    }
  }
}
