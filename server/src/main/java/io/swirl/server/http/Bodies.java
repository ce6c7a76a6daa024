package io.swirl.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Reads request bodies: content types, JSON with the place of a syntax error. */
public final class Bodies {

  private static final ObjectReader JSON =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Bodies() {}

  /** The media type of the request without parameters, lower case; null when absent. */
  public static String mediaType(RoutingContext ctx) {
    String header = ctx.request().getHeader("Content-Type");
    if (header == null || header.isBlank()) {
      return null;
    }
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  public static boolean isJson(String mediaType) {
    return mediaType != null
        && (mediaType.equals("application/json") || mediaType.endsWith("+json"));
  }

  /** The body as text; empty when there is none. */
  public static String text(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
  }

  /**
   * The body as JSON, {@code {}} when empty. A body needs {@code application/json} (or no content
   * type).
   *
   * @throws ApiException 415 for another content type, 400 when the body is not JSON
   */
  public static JsonNode jsonOrEmptyObject(RoutingContext ctx) {
    String text = text(ctx);
    if (text.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    String type = mediaType(ctx);
    if (type != null && !isJson(type)) {
      throw ApiException.unsupportedMediaType(
          "Content-Type '" + type + "' is not accepted here; send the input as application/json");
    }
    return parseJson(text, "the request body");
  }

  /** Parses JSON text, saying where it breaks. */
  public static JsonNode parseJson(String text, String what) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ApiException.badRequest(
          what + " is not valid JSON" + where + ": " + e.getOriginalMessage());
    }
  }
}
