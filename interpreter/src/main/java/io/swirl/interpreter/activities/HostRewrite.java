package io.swirl.interpreter.activities;

import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Sends requests for some hosts elsewhere, keeping path and query: tests route {@code
 * petstore.swagger.io} to a local stub with {@code Map.of("petstore.swagger.io",
 * URI.create("http://127.0.0.1:8080"))}.
 */
public final class HostRewrite implements UnaryOperator<URI> {

  private final Map<String, URI> overrides;

  public HostRewrite(Map<String, URI> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  @Override
  public URI apply(URI uri) {
    URI target = uri.getHost() == null ? null : overrides.get(uri.getHost());
    if (target == null) {
      return uri;
    }
    String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      rest += "?" + uri.getRawQuery();
    }
    return URI.create(target.getScheme() + "://" + target.getRawAuthority() + rest);
  }
}
