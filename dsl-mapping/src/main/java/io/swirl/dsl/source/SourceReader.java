package io.swirl.dsl.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads YAML or JSON into a {@link SourceDocument}, recording where every key and value starts.
 *
 * <p>Jackson's own tree reader drops token locations and lets a duplicate key silently replace the
 * first one, so the tree is built here from the token stream. Duplicate keys and YAML aliases are
 * refused: both hide what the document means.
 */
public final class SourceReader {

  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final Map<String, SourceLocation> keys = new HashMap<>();
  private final Map<String, SourceLocation> values = new HashMap<>();

  private SourceReader() {}

  /**
   * Parses {@code text}; JSON when {@code json} is true (a YAML parser reads JSON too, but the JSON
   * parser gives exact columns for it).
   *
   * @throws SourceSyntaxException when the text is not one well-formed document
   */
  public static SourceDocument read(String text, boolean json) throws SourceSyntaxException {
    SourceReader reader = new SourceReader();
    try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SourceSyntaxException(
            "the file is empty; a workflow needs at least 'document' and 'do'",
            new SourceLocation(1, 1));
      }
      JsonNode root = reader.value(parser, "");
      if (parser.nextToken() != null) {
        throw new SourceSyntaxException(
            "the file holds more than one document; put one workflow in each file",
            at(parser.currentTokenLocation()));
      }
      return new SourceDocument(root, reader.keys, reader.values);
    } catch (JsonProcessingException e) {
      throw new SourceSyntaxException(
          "not well-formed " + (json ? "JSON" : "YAML") + ": " + summary(e.getOriginalMessage()),
          at(e.getLocation()));
    } catch (IOException e) {
      throw new SourceSyntaxException("cannot read: " + e.getMessage(), SourceLocation.UNKNOWN);
    }
  }

  private JsonNode value(JsonParser parser, String pointer)
      throws IOException, SourceSyntaxException {
    SourceLocation location = at(parser.currentTokenLocation());
    values.put(pointer, location);
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new SourceSyntaxException(
          "YAML aliases (*" + parser.getText() + ") are not supported; repeat the value instead",
          location);
    }
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> object(parser, pointer);
      case START_ARRAY -> array(parser, pointer);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> NODES.textNode(parser.getText());
    };
  }

  private ObjectNode object(JsonParser parser, String pointer)
      throws IOException, SourceSyntaxException {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String child = Pointers.child(pointer, name);
      SourceLocation location = at(parser.currentTokenLocation());
      if (object.has(name)) {
        SourceLocation first = keys.get(child);
        throw new SourceSyntaxException(
            "duplicate key '"
                + name
                + "' (first at line "
                + first.line()
                + "); a key may appear only once in a mapping, remove one",
            location);
      }
      keys.put(child, location);
      parser.nextToken();
      object.set(name, value(parser, child));
    }
    return object;
  }

  private ArrayNode array(JsonParser parser, String pointer)
      throws IOException, SourceSyntaxException {
    ArrayNode array = NODES.arrayNode();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(value(parser, Pointers.child(pointer, index++)));
    }
    return array;
  }

  /** The parser's message without its quoted source excerpts (the location says where). */
  private static String summary(String message) {
    StringBuilder text = new StringBuilder();
    for (String line : message.split("\\R")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        text.append(text.length() == 0 ? "" : "; ").append(line.strip());
      }
    }
    return text.toString();
  }

  private static SourceLocation at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return SourceLocation.UNKNOWN;
    }
    return new SourceLocation(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }
}
