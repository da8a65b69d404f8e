package dev.stonegarden.render.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * The one home of the small readers of Jackson trees (every package reads fields of trees the same
 * way) and of the words diagnostics use for a value. One rule for what a value's text is, {@link
 * #text(JsonNode)}:
 *
 * <ul>
 *   <li>a string is its text, as it is;
 *   <li>a number or a boolean is its text as written ({@code 8080}, {@code 1.5}, {@code true}):
 *       Jackson's {@code asString()};
 *   <li>no value (a null reference, a missing node, {@code null}) and a map or a list, which have
 *       no text, are {@code ""}. Nothing here throws.
 * </ul>
 *
 * {@link #strings} and {@link #stringMap} apply that rule to each element. A caller with another
 * rule says so at the call site: {@link #textOr} (a default for no value, where the reader's record
 * keeps "not given" apart from {@code ""}), {@link #string} (only a string counts: fields of
 * Kubernetes objects that must be strings, where a number is not a name), {@link #kyamlValue} (the
 * text kustomize compares: {@code null} is {@code "null"}), {@link #jsonText} (a map or a list as
 * its JSON).
 *
 * <p>The words for a value are here too, one method per vocabulary, each named for whose words they
 * are, so a message can match the tool it stands in for: ours ({@link #describe}, {@link #kindOf}),
 * kustomize's ({@link #shapeOf}, {@link #kustomizeDescribe}, {@link NodeKind#kyamlName}, {@link
 * #yamlTag}), Argo CD's ({@link #argoCdKindOf}) and Go's encoding/json's ({@link #goJsonType}).
 */
public final class Trees {
  private static final int MAX_SHOWN = 40;

  private Trees() {}

  /** The text of {@code n} by the rule above. */
  public static String text(JsonNode n) {
    return n == null || n.isContainer() ? "" : n.asString();
  }

  /** The text of field {@code key} of {@code parent} (none when {@code parent} is null). */
  public static String text(JsonNode parent, String key) {
    return text(parent == null ? null : parent.get(key));
  }

  /** {@link #text(JsonNode)}, but {@code none} when there is no value (absent or {@code null}). */
  public static String textOr(JsonNode n, String none) {
    return n == null || n.isNull() || n.isMissingNode() ? none : text(n);
  }

  /**
   * The text kustomize's kyaml holds for a value ({@code yaml.Node.Value}), which merge keys and
   * patch directives are compared by: {@link #text(JsonNode)}, but {@code null} is {@code "null"}.
   */
  public static String kyamlValue(JsonNode n) {
    return n != null && n.isNull() ? "null" : text(n);
  }

  /**
   * Any value as text, never throwing: a string as it is, any other value as its JSON ({@code 3},
   * {@code null}, {@code {"a":1}}; overlay output can hold a map where a label value is expected),
   * {@code ""} for no node.
   */
  public static String jsonText(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "";
    }
    return n.isString() ? n.stringValue() : n.toString();
  }

  /** The value of a string node; {@code ""} for anything else, a number or boolean included. */
  public static String string(JsonNode n) {
    return n != null && n.isString() ? n.stringValue() : "";
  }

  /** {@link #string(JsonNode)} of field {@code key} of {@code parent} (null allowed). */
  public static String string(JsonNode parent, String key) {
    return string(parent == null ? null : parent.get(key));
  }

  /** The text of each element of a list, in order (read-only); empty when {@code n} is no list. */
  public static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.values().forEach(v -> out.add(text(v)));
    }
    return List.copyOf(out);
  }

  /** {@link #strings(JsonNode)} of field {@code key} of {@code parent} (null allowed). */
  public static List<String> strings(JsonNode parent, String key) {
    return strings(parent == null ? null : parent.get(key));
  }

  /** The text of each value of a map, in file order (read-only); empty when {@code n} is no map. */
  public static Map<String, String> stringMap(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.put(e.getKey(), text(e.getValue()));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * A JSON pointer as a field path: {@code /spec/environments/0/name} → {@code
   * spec.environments[0].name}.
   */
  public static String path(String pointer) {
    return SourceMap.fieldPath(pointer, "the document");
  }

  /**
   * What a value is, for "found ...": {@code a map}, {@code a list}, {@code "abc"}, {@code 10},
   * {@code true}, {@code null}.
   */
  public static String describe(JsonNode n) {
    return switch (n == null ? JsonNodeType.MISSING : n.getNodeType()) {
      case MISSING, OBJECT, ARRAY, NULL -> kindOf(n);
      case STRING -> quoted(n.stringValue());
      default -> n.asString();
    };
  }

  private static String quoted(String s) {
    return "\"" + (s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s) + "\"";
  }

  /**
   * The kind of a value, without the value: {@code a string}, {@code a number}, ... (for values
   * that may be secret).
   */
  public static String kindOf(JsonNode n) {
    return switch (n == null ? JsonNodeType.MISSING : n.getNodeType()) {
      case MISSING -> "nothing";
      case OBJECT -> "a map";
      case ARRAY -> "a list";
      case NULL -> "null";
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      default -> n.isIntegralNumber() ? "an integer" : "a number";
    };
  }

  /**
   * The shape of a value, as kustomize's messages name it: {@code a map}, {@code a list}, {@code
   * null}, {@code a scalar} (a missing node too: the shape of an empty document).
   */
  public static String shapeOf(JsonNode n) {
    return switch (n.getNodeType()) {
      case OBJECT -> "a map";
      case ARRAY -> "a list";
      case NULL -> "null";
      default -> "a scalar";
    };
  }

  /**
   * What a value is, in kustomize's words for a document that is not an object ({@code expected a
   * Kubernetes object (a mapping), found ...}): {@code a list}, {@code a mapping}, {@code the
   * scalar '8080'} (a scalar with its text).
   */
  public static String kustomizeDescribe(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "a mapping";
      default -> "the scalar '" + n.asString() + "'";
    };
  }

  /**
   * The kind of a YAML node as kustomize's strategic merge sees it (kyaml's node kinds); {@link
   * #kyamlName} is how its messages name it ({@code wrong node kind at spec: expected MappingNode
   * but got SequenceNode}).
   */
  public enum NodeKind {
    MAP("MappingNode"),
    SEQ("SequenceNode"),
    SCALAR("ScalarNode"),
    /** No value: absent, missing or {@code null}. */
    NONE("null");

    private final String kyamlName;

    NodeKind(String kyamlName) {
      this.kyamlName = kyamlName;
    }

    /** The kind of {@code n} (null allowed). */
    public static NodeKind of(JsonNode n) {
      return switch (n == null ? JsonNodeType.MISSING : n.getNodeType()) {
        case MISSING, NULL -> NONE;
        case OBJECT -> MAP;
        case ARRAY -> SEQ;
        default -> SCALAR;
      };
    }

    /** {@code MappingNode}, {@code SequenceNode}, {@code ScalarNode} or {@code null}. */
    public String kyamlName() {
      return kyamlName;
    }
  }

  /**
   * The YAML tag of a scalar, as kustomize names the types a replacement cannot convert between
   * ({@code cannot decode !!str as a !!int}): {@code !!int}, {@code !!float}, {@code !!bool},
   * {@code !!null}, {@code !!str} (anything else).
   */
  public static String yamlTag(JsonNode n) {
    return switch (n.getNodeType()) {
      case NUMBER -> n.isIntegralNumber() ? "!!int" : "!!float";
      case BOOLEAN -> "!!bool";
      case NULL -> "!!null";
      default -> "!!str";
    };
  }

  /**
   * What a value is, in Argo CD's words for the JSON of plugin parameters ({@code "array" must be a
   * list, found an object}): {@code a list}, {@code an object}, {@code a string}, {@code a number},
   * {@code a boolean}, {@code null} (anything else).
   */
  public static String argoCdKindOf(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "null";
    };
  }

  /**
   * The JSON type of a value that is not a string, in Go's encoding/json words ({@code json: cannot
   * unmarshal number into Go value of type string}): {@code object}, {@code array}, {@code number},
   * {@code bool}, {@code string} (anything else).
   */
  public static String goJsonType(JsonNode n) {
    return switch (n.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case NUMBER -> "number";
      case BOOLEAN -> "bool";
      default -> "string";
    };
  }

  /**
   * JSON Schema type names in words: {@code [integer, string]} → {@code an integer or a string}.
   */
  public static String typeWords(List<String> types) {
    List<String> words = new ArrayList<>();
    for (String t : types) {
      words.add(
          switch (t) {
            case "object" -> "a map";
            case "array" -> "a list";
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> types.size() == 1 ? "true or false" : "a boolean";
            case "null" -> "null";
            default -> t;
          });
    }
    if (words.size() <= 2) {
      return String.join(" or ", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " or "
        + words.get(words.size() - 1);
  }

  /** Field names of an object node, in order. */
  public static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    if (n != null && n.isObject()) {
      n.propertyNames().forEach(names::add);
    }
    return names;
  }
}
