package io.swirl.server.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.swirl.engine.store.StoreUrl;
import io.swirl.server.cli.CliRun;
import io.swirl.server.http.SwirlServer;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a server started with an API token. */
class ClientAuthIT {

  @TempDir Path dir;

  @Test
  void the_token_is_sent_as_a_bearer_header_and_without_it_the_verb_exits_1_with_the_reason()
      throws Exception {
    StoreUrl store = StoreUrl.parse("sqlite:" + dir.resolve("swirl.db"));
    try (SwirlServer server =
        SwirlServer.start(
            new SwirlServer.Settings(
                "127.0.0.1", 0, store, SwirlServer.DEFAULT_MAX_BODY_BYTES, "s3cret"))) {
      URI url = URI.create("http://127.0.0.1:" + server.port());
      assertThat(new ApiClient(url, "s3cret").get("/api/v1/instances").status()).isEqualTo(200);
      ApiError wrong =
          assertThrows(ApiError.class, () -> new ApiClient(url, "guess").get("/api/v1/instances"));
      assertThat(wrong.status()).isEqualTo(401);

      if (System.getenv(ClientOptions.TOKEN_ENV) == null) {
        CliRun run = CliRun.exec("list", "--server", url.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
            .startsWith("swirl list: Unauthorized (401): this server requires a token");
      }
    }
  }
}
