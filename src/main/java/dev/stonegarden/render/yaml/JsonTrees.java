package dev.stonegarden.render.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every JSON text the product reads, into trees: one place, one rule per kind of input, each named
 * for what it parses.
 *
 * <p>Built on jackson-core's streaming parser rather than an {@code ObjectMapper}: a mapper's first
 * construction costs a render a fifth of its start-up (databind's settings, date formats, the
 * java.time module), which a command that only reads a few small JSON texts never needs
 * (docs/install.md#start-up). The trees are the ones {@code ObjectMapper.readTree} builds with the
 * same features ({@code JsonTreesTest} compares them): empty input is a {@link MissingNode}, a
 * second value after the first is an error, integers are int, long or big-integer nodes by size.
 */
public enum JsonTrees {
  /**
   * Argo CD's {@code ARGOCD_APP_PARAMETERS}: a duplicate key is refused (Argo CD never sends one,
   * so it is a hand-written value that would silently lose a setting).
   */
  PLUGIN_PARAMETERS(true, false),

  /**
   * A JSON 6902 patch written as JSON: Go's {@code encoding/json} as evanphx's DecodePatch reads it
   * (the last of duplicate keys wins); a float keeps its written scale, since a {@code test}
   * operation compares raw numbers ({@code 1.0} is not {@code 1}).
   */
  JSON_PATCH(false, true),

  /**
   * A Grafana dashboard file: the last of duplicate keys wins, as in Grafana's own Go reader (the
   * file is passed through unchanged; the tree is only checked).
   */
  DASHBOARD(false, false),

  /** The JSON schemas shipped in the jar. */
  SCHEMA(true, false);

  private static final JsonNodeFactory NODES = NodeFactory.INSTANCE;

  private final JsonFactory factory;
  private final boolean decimals;

  JsonTrees(boolean refuseDuplicateKeys, boolean decimals) {
    var builder = JsonFactory.builder();
    if (refuseDuplicateKeys) {
      builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
    this.factory = builder.build();
    this.decimals = decimals;
  }

  /**
   * The one JSON value of {@code text}; a {@link MissingNode} when {@code text} is empty or blank.
   *
   * @throws JacksonException on invalid JSON, with the location where it broke
   */
  public JsonNode read(String text) {
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return MissingNode.getInstance();
      }
      JsonNode value = value(p, first);
      JsonToken after = p.nextToken();
      if (after != null) {
        throw new StreamReadException(
            p, "Unexpected '" + p.getString() + "' after the end of the JSON value");
      }
      return value;
    }
  }

  /**
   * The value that starts at {@code token}, read without recursion: the nesting limit is the
   * parser's ({@code StreamReadConstraints}), not the Java stack.
   */
  private JsonNode value(JsonParser p, JsonToken token) {
    if (!token.isStructStart()) {
      return scalar(p, token);
    }
    Deque<JsonNode> open = new ArrayDeque<>();
    JsonNode root = token == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    open.push(root);
    while (!open.isEmpty()) {
      JsonToken t = p.nextToken();
      JsonNode parent = open.peek();
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        open.pop();
        continue;
      }
      String name = null;
      if (t == JsonToken.PROPERTY_NAME) {
        name = p.currentName();
        t = p.nextToken();
      }
      JsonNode child =
          switch (t) {
            case START_OBJECT -> NODES.objectNode();
            case START_ARRAY -> NODES.arrayNode();
            default -> scalar(p, t);
          };
      if (parent instanceof ObjectNode object) {
        object.set(name, child);
      } else {
        ((ArrayNode) parent).add(child);
      }
      if (t.isStructStart()) {
        open.push(child);
      }
    }
    return root;
  }

  private JsonNode scalar(JsonParser p, JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> NODES.stringNode(p.getString());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT ->
          decimals ? NODES.numberNode(p.getDecimalValue()) : NODES.numberNode(p.getDoubleValue());
      default -> throw new StreamReadException(p, "Unexpected token (" + t + ")");
    };
  }
}
