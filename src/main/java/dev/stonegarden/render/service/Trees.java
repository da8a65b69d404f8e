package dev.stonegarden.render.service;

import dev.stonegarden.render.yaml.SourceMap;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Small helpers for words about Jackson trees in diagnostics: field paths and what a value is. */
final class Trees {
  private static final int MAX_SHOWN = 40;

  private Trees() {}

  /**
   * A JSON pointer as a field path: {@code /spec/environments/0/name} → {@code
   * spec.environments[0].name}.
   */
  static String path(String pointer) {
    return SourceMap.fieldPath(pointer, "the document");
  }

  /**
   * What a value is, for "found ...": {@code a map}, {@code a list}, {@code "abc"}, {@code 10},
   * {@code true}, {@code null}.
   */
  static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isObject()) {
      return "a map";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isString()) {
      String s = n.stringValue();
      return "\"" + (s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s) + "\"";
    }
    return n.asString();
  }

  /**
   * The kind of a value, without the value: {@code a string}, {@code a number}, ... (for values
   * that may be secret).
   */
  static String kindOf(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isObject()) {
      return "a map";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isString()) {
      return "a string";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    return n.isIntegralNumber() ? "an integer" : "a number";
  }

  /**
   * JSON Schema type names in words: {@code [integer, string]} → {@code an integer or a string}.
   */
  static String typeWords(List<String> types) {
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
  static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    if (n != null && n.isObject()) {
      n.propertyNames().forEach(names::add);
    }
    return names;
  }
}
