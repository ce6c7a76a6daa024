package io.swirl.server.cli.client;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every client verb shares: which server, and whether to print raw JSON. */
public final class ClientOptions {

  /** The environment variable holding the API token, as for {@code swirl server}. */
  public static final String TOKEN_ENV = "SWIRL_API_TOKEN";

  @Option(
      names = "--server",
      paramLabel = "URL",
      defaultValue = "${env:SWIRL_SERVER:-http://localhost:8080}",
      description =
          "The Swirl server (env SWIRL_SERVER; default ${DEFAULT-VALUE}). "
              + "When SWIRL_API_TOKEN is set it is sent as 'Authorization: Bearer <token>'.")
  String server;

  @Option(
      names = "--json",
      description = "Print the server's JSON answer instead of text (errors: the problem JSON).")
  boolean json;

  /** Whether to print raw JSON. */
  public boolean json() {
    return json;
  }

  /** A client for {@code --server}, with the token from {@value #TOKEN_ENV} if set. */
  public ApiClient client(CommandSpec spec) {
    return new ApiClient(serverUri(spec), System.getenv(TOKEN_ENV));
  }

  URI serverUri(CommandSpec spec) {
    String text = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getQuery() == null
          && uri.getFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    throw new ParameterException(
        spec.commandLine(),
        "--server '" + server + "' is not an http(s) URL; use e.g. http://localhost:8080");
  }
}
