package io.swirl.interpreter.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.SecretsProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns a DSL {@code authentication} into an {@code Authorization} header value: {@code basic},
 * {@code bearer}, and {@code oauth2}/{@code oidc} with the {@code client_credentials} grant (the
 * token endpoint is called on every call; no cache yet). A scheme whose settings say {@code use:
 * <secret>} reads them from the secret, here in the activity, so they never enter history.
 */
final class Authenticator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsProvider secrets;
  private final HttpClient client;
  private final HostRewrite hosts;

  /** Creates an authenticator on the invoker's client. */
  @FunctionalInterface
  interface Factory {
    Authenticator create(HttpClient client, HostRewrite hosts);
  }

  Authenticator(SecretsProvider secrets, HttpClient client, HostRewrite hosts) {
    this.secrets = secrets;
    this.client = client;
    this.hosts = hosts;
  }

  /**
   * The {@code Authorization} header to send ({@code header}, null when {@code auth} is absent)
   * and, when {@code seal} is set and the scheme is OAuth2/OIDC, the access token sealed for
   * history ({@link AuthorizationSeal}; null otherwise).
   */
  record Authorization(String header, String sealed) {
    static final Authorization NONE = new Authorization(null, null);
  }

  Authorization authorize(JsonNode auth, boolean seal) throws Exception {
    if (auth == null || auth.isNull() || auth.isMissingNode()) {
      return Authorization.NONE;
    }
    JsonNode oauth = auth.has("oauth2") ? auth.get("oauth2") : auth.get("oidc");
    if (oauth != null) {
      JsonNode settings = settings(oauth);
      String token = token(settings);
      return new Authorization(
          "Bearer " + token, seal ? AuthorizationSeal.seal(settings, token) : null);
    }
    return new Authorization(header(auth), null);
  }

  private String header(JsonNode auth) {
    if (auth.has("basic")) {
      JsonNode basic = settings(auth.get("basic"));
      String pair = basic.path("username").asText() + ":" + basic.path("password").asText();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    if (auth.has("bearer")) {
      JsonNode bearer = settings(auth.get("bearer"));
      return "Bearer " + (bearer.isTextual() ? bearer.asText() : bearer.path("token").asText());
    }
    throw Failures.of(
        Problem.configuration("unsupported authentication scheme: " + auth.fieldNames().next()));
  }

  private JsonNode settings(JsonNode scheme) {
    if (scheme.has("use")) {
      JsonNode secret = secrets.secret(scheme.get("use").asText());
      if (secret == null) {
        throw Failures.of(
            Problem.configuration("unknown secret '" + scheme.get("use").asText() + "'"));
      }
      return secret;
    }
    return scheme;
  }

  private String token(JsonNode oauth) throws Exception {
    String grant = oauth.path("grant").asText("client_credentials");
    if (!grant.equals("client_credentials")) {
      throw Failures.of(Problem.configuration("unsupported OAuth2 grant: " + grant));
    }
    String authority = oauth.path("authority").asText();
    String path = oauth.path("endpoints").path("token").asText("/oauth2/token");
    URI uri = URI.create(authority.replaceAll("/$", "") + (path.startsWith("/") ? "" : "/") + path);
    List<String> form = new ArrayList<>();
    form.add("grant_type=client_credentials");
    JsonNode clientSettings = oauth.path("client");
    add(form, "client_id", clientSettings.path("id").asText(null));
    add(form, "client_secret", clientSettings.path("secret").asText(null));
    if (oauth.path("scopes").isArray()) {
      List<String> scopes = new ArrayList<>();
      oauth.get("scopes").forEach(s -> scopes.add(s.asText()));
      add(form, "scope", String.join(" ", scopes));
    }
    if (oauth.path("audiences").isArray()) {
      oauth.get("audiences").forEach(a -> add(form, "audience", a.asText()));
    }
    HttpRequest request =
        HttpRequest.newBuilder(hosts.apply(uri))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw Failures.of(
          new Problem(
              Problem.AUTHENTICATION,
              401,
              "Authentication Error",
              "the token endpoint " + uri + " answered " + response.statusCode(),
              ""));
    }
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private static void add(List<String> form, String name, String value) {
    if (value != null && !value.isEmpty()) {
      form.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
