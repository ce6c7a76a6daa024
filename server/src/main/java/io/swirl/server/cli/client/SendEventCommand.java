package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code swirl send-event}: posts one structured CloudEvent to {@code /api/v1/events}. */
@Command(
    name = "send-event",
    mixinStandardHelpOptions = true,
    description = {
      "Send a CloudEvent to the server's event intake.",
      "One CloudEvent 1.0 in structured JSON (application/cloudevents+json) to POST"
          + " /api/v1/events, where it may start workflows or reach instances listening for it.",
      "With --json, prints the server's JSON answer, or the event as sent when the answer has"
          + " no body.",
      "Exit status: 0 accepted, 1 refused, 2 usage error, 3 server unreachable."
    })
public final class SendEventCommand extends ClientCommand {

  @Option(
      names = "--type",
      required = true,
      paramLabel = "TYPE",
      description = "The event type, e.g. com.example.order.placed.")
  String type;

  @Option(
      names = "--source",
      defaultValue = "swirl-cli",
      paramLabel = "URI",
      description = "The event source, a URI reference (default ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--id", paramLabel = "ID", description = "The event id (default: a random UUID).")
  String id;

  @Option(names = "--subject", paramLabel = "SUBJECT", description = "The event subject.")
  String subject;

  @Option(
      names = "--data",
      paramLabel = "JSON|@FILE",
      description = "The event data: inline JSON, or @FILE naming a JSON file (default none).")
  String data;

  @Override
  int run(ApiClient api, Output out) throws IOException {
    CloudEvent event = event();
    byte[] body = new JsonFormat().serialize(event);
    JsonNode answer = api.post("/api/v1/events", JsonFormat.CONTENT_TYPE, body).body();
    if (out.json()) {
      out.printJson(answer != null ? answer : ApiClient.JSON.readTree(body));
    } else {
      out.println(
          "event " + event.getId() + " accepted (type " + type + ", source " + source + ")");
    }
    return 0;
  }

  CloudEvent event() {
    URI sourceUri;
    try {
      sourceUri = new URI(source);
    } catch (URISyntaxException e) {
      throw new ParameterException(
          spec.commandLine(), "--source '" + source + "' is not a URI reference: " + e.getReason());
    }
    if (type.isBlank() || source.isBlank() || id != null && id.isBlank()) {
      throw new ParameterException(
          spec.commandLine(), "--type, --source and --id must not be blank");
    }
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(id == null ? UUID.randomUUID().toString() : id)
            .withSource(sourceUri)
            .withType(type)
            .withTime(OffsetDateTime.now(ZoneOffset.UTC));
    if (subject != null) {
      builder.withSubject(subject);
    }
    if (data != null) {
      builder.withData(
          "application/json", JsonCloudEventData.wrap(JsonArgument.read(spec, "--data", data)));
    }
    return builder.build();
  }
}
