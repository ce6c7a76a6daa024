package io.swirl.interpreter.activities;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.Activity;
import io.swirl.engine.ActivityContext;
import io.swirl.interpreter.EventSink;

/** {@code swirl.emit}: hands the rendered CloudEvent to the sink; the result is the event. */
public final class EmitActivity implements Activity {

  private final EventSink sink;

  public EmitActivity(EventSink sink) {
    this.sink = sink;
  }

  @Override
  public Object run(ActivityContext ctx) throws Exception {
    JsonNode event = ctx.input();
    sink.publish(event);
    return event;
  }
}
