package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.GoJsonType.ListOf;
import dev.stonegarden.render.kustomize.GoJsonType.MapOf;
import dev.stonegarden.render.kustomize.GoJsonType.Struct;
import dev.stonegarden.render.yaml.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a tree against a {@link GoJsonType} the way Go's {@code encoding/json} decoder with {@code
 * DisallowUnknownFields} would, and returns a canonical copy (struct field names spelled as the
 * schema spells them, the last of case-insensitively equal keys winning). Problems are reported
 * with Go's wording at the position of the offending key or value.
 */
final class GoJsonDecoder {
  private final SourceMap sourceMap;
  private final Problems problems;
  private final String prefix;

  GoJsonDecoder(SourceMap sourceMap, Problems problems, String prefix) {
    this.sourceMap = sourceMap;
    this.problems = problems;
    this.prefix = prefix;
  }

  /**
   * Decodes {@code node} (at JSON pointer {@code ptr}) as a value of {@code type}; null for JSON
   * null.
   */
  JsonNode decode(JsonNode node, GoJsonType type, String ptr) {
    return decode(node, type, ptr, null, new ArrayList<>());
  }

  private JsonNode decode(
      JsonNode node, GoJsonType type, String ptr, String structName, List<String> fields) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (type == GoJsonType.ANY) {
      return node;
    }
    if (type instanceof Struct s) {
      if (!node.isObject()) {
        typeError(node, s, ptr, structName, fields);
        return null;
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String key = e.getKey();
        String canonical = s.canonical.get(key.toLowerCase(Locale.ROOT));
        String childPtr = ptr + "/" + SourceMap.escape(key);
        if (canonical == null) {
          problems.error(
              sourceMap.keyPosition(childPtr), prefix + "json: unknown field \"" + key + "\"");
          continue;
        }
        List<String> childFields = new ArrayList<>(fields);
        childFields.add(canonical);
        JsonNode v = decode(e.getValue(), s.types.get(canonical), childPtr, s.name, childFields);
        if (v == null) {
          out.remove(canonical);
        } else {
          out.set(canonical, v);
        }
      }
      return out;
    }
    if (type instanceof MapOf m) {
      if (!node.isObject()) {
        typeError(node, m, ptr, structName, fields);
        return null;
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v =
            decode(
                e.getValue(),
                m.value,
                ptr + "/" + SourceMap.escape(e.getKey()),
                structName,
                fields);
        out.set(e.getKey(), v == null ? zero(m.value) : v);
      }
      return out;
    }
    if (type instanceof ListOf l) {
      if (!node.isArray()) {
        typeError(node, l, ptr, structName, fields);
        return null;
      }
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        JsonNode v = decode(node.get(i), l.elem, ptr + "/" + i, structName, fields);
        out.add(v == null ? zero(l.elem) : v);
      }
      return out;
    }
    // scalars
    String name = type.goName();
    boolean ok =
        switch (name) {
          case "string" -> node.isString();
          case "bool" -> node.isBoolean();
          case "int64", "int" ->
              node.isIntegralNumber()
                  || (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()));
          default -> true;
        };
    if (!ok) {
      typeError(node, type, ptr, structName, fields);
      return null;
    }
    return node;
  }

  private static JsonNode zero(GoJsonType t) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (t.goName()) {
      case "string" -> f.stringNode("");
      case "bool" -> f.booleanNode(false);
      case "int64", "int" -> f.numberNode(0);
      default -> f.nullNode();
    };
  }

  private void typeError(
      JsonNode node, GoJsonType type, String ptr, String structName, List<String> fields) {
    String what =
        node.isString()
            ? "string"
            : node.isBoolean()
                ? "bool"
                : node.isNumber()
                    ? "number"
                    : node.isArray()
                        ? "array"
                        : node.isObject()
                            ? "object"
                            : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    if (node.isNumber()
        && !node.isIntegralNumber()
        && (type == GoJsonType.INT || type == GoJsonType.INT64)) {
      what = "number " + node.asString();
    }
    String where =
        structName == null
            ? "Go value"
            : "Go struct field " + structName + "." + String.join(".", fields);
    SourcePosition at = sourceMap.positionOf(ptr);
    problems.error(
        at,
        prefix + "json: cannot unmarshal " + what + " into " + where + " of type " + type.goName());
  }
}
