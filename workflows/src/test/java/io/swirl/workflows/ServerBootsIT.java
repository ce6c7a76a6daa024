package io.swirl.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.store.StoreUrl;
import io.swirl.server.http.SwirlServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server the workflow scenarios run on starts on a file store and answers. */
class ServerBootsIT {

  @Test
  void server_on_a_sqlite_file_store_is_healthy(@TempDir Path dir) throws Exception {
    StoreUrl store = StoreUrl.parse("sqlite:" + dir.resolve("swirl.db"));
    try (SwirlServer server = SwirlServer.start(new SwirlServer.Settings("127.0.0.1", 0, store))) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }
}
