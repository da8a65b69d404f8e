package dev.stonegarden.render.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders one of the shipped JSON Schemas as the field reference of its docs page: one section per
 * field, in the schema's order, with its path, type, whether it is required, its default, the
 * values it allows and its description. Only the keywords the shipped schemas use are understood;
 * any other keyword fails the generator, so a schema cannot gain a rule the page does not show.
 */
final class SchemaReference {
  /** Keywords that say something about one value and appear in the reference. */
  private static final Set<String> KNOWN =
      Set.of(
          "$schema",
          "$id",
          "$ref",
          "$defs",
          "title",
          "description",
          "type",
          "required",
          "additionalProperties",
          "properties",
          "items",
          "const",
          "enum",
          "default",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minItems",
          "minProperties",
          "maxProperties",
          "allOf",
          "if",
          "then",
          "else",
          "not");

  private final JsonNode root;
  private final StringBuilder out = new StringBuilder();

  private SchemaReference(JsonNode root) {
    this.root = root;
  }

  /** The Markdown of {@code schema}'s fields. */
  static String render(JsonNode schema) {
    SchemaReference r = new SchemaReference(schema);
    r.out.append("\n").append(prose(text(schema, "description"))).append("\n");
    r.object("", schema);
    return r.out.append("\n").toString();
  }

  /** The sections of the properties of an object schema, in the schema's order. */
  private void object(String path, JsonNode schema) {
    JsonNode s = resolve(schema);
    Set<String> required = strings(s.get("required"));
    Map<String, List<String>> notes = conditionalNotes(s);
    JsonNode properties = s.get("properties");
    if (properties != null) {
      for (Map.Entry<String, JsonNode> p : properties.properties()) {
        String name = p.getKey();
        field(
            path.isEmpty() ? name : path + "." + name,
            p.getValue(),
            required.contains(name),
            notes.getOrDefault(name, List.of()));
      }
    }
    JsonNode additional = s.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      JsonNode a = resolve(additional);
      if (a.has("properties")) {
        String entry = path + ".<name>";
        section(entry, additional, false, List.of());
        object(entry, a);
      }
    }
  }

  private void field(String path, JsonNode schema, boolean required, List<String> notes) {
    section(path, schema, required, notes);
    JsonNode s = resolve(schema);
    if (s.has("properties") || s.has("additionalProperties")) {
      object(path, s);
    }
    JsonNode items = s.get("items");
    if (items != null) {
      JsonNode i = resolve(items);
      if (i.has("properties")) {
        if (!constraints(i).isEmpty()) {
          section(path + "[]", items, false, List.of());
        }
        object(path + "[]", i);
      }
    }
  }

  private void section(String path, JsonNode schema, boolean required, List<String> notes) {
    checkKeywords(path, schema);
    JsonNode s = resolve(schema);
    checkKeywords(path, s);
    out.append("\n### `").append(path).append("`\n\n");
    List<String> facts = new ArrayList<>();
    facts.add(type(s));
    if (required) {
      facts.add("required");
    }
    String facts1 = String.join(", ", facts);
    out.append(Character.toUpperCase(facts1.charAt(0))).append(facts1.substring(1)).append(".");
    JsonNode def = first(schema, s, "default");
    if (def != null) {
      out.append(" Default: ").append(code(def)).append(".");
    }
    out.append("\n\n");
    String description = text(schema, "description");
    if (description.isEmpty()) {
      description = text(s, "description");
    }
    out.append(prose(description)).append("\n");
    if (!notes.isEmpty()) {
      out.append("\n");
      for (String note : notes) {
        out.append("- ").append(note).append("\n");
      }
    }
  }

  /** Type, allowed values and bounds in words: "string, matching `^a$`, at most 63 characters". */
  private String type(JsonNode s) {
    String base = base(s, false);
    String constraints = constraints(s);
    return constraints.isEmpty() ? base : base + ", " + constraints;
  }

  /** The kind of value: "string", "list of strings (each not empty)", "exactly `Service`". */
  private String base(JsonNode s, boolean plural) {
    if (s.has("const")) {
      return "exactly " + code(s.get("const"));
    }
    if (s.has("enum")) {
      return "one of " + String.join(", ", codes(s.get("enum")));
    }
    List<String> types = new ArrayList<>();
    JsonNode type = s.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        types.add(t.stringValue());
      }
    } else if (type != null) {
      types.add(type.stringValue());
    }
    if (types.isEmpty()) {
      return plural ? "values" : "any value";
    }
    List<String> words = new ArrayList<>();
    for (String t : types) {
      words.add(typeName(t, plural));
    }
    String word = String.join(" or ", words);
    JsonNode additional = s.get("additionalProperties");
    JsonNode items = s.get("items");
    if (types.equals(List.of("object"))
        && !s.has("properties")
        && additional != null
        && additional.isObject()) {
      return word + " of " + element(resolve(additional));
    }
    if (types.equals(List.of("array")) && items != null) {
      return word + " of " + element(resolve(items));
    }
    return word;
  }

  /** The elements of a list or the values of a map: "strings (each not empty)". */
  private String element(JsonNode s) {
    String constraints = constraints(s);
    String base = base(s, true);
    return constraints.isEmpty() || s.has("properties")
        ? base
        : base + " (each " + constraints + ")";
  }

  /** Bounds and patterns: "matching `x`, at most 63 characters". */
  private static String constraints(JsonNode s) {
    List<String> parts = new ArrayList<>();
    if (s.has("pattern")) {
      parts.add("matching `" + s.get("pattern").stringValue() + "`");
    }
    if (s.has("minLength") && s.get("minLength").intValue() == 1) {
      parts.add("not empty");
    } else if (s.has("minLength")) {
      parts.add("at least " + s.get("minLength").intValue() + " characters");
    }
    if (s.has("maxLength")) {
      parts.add("at most " + s.get("maxLength").intValue() + " characters");
    }
    String range = range(s);
    if (range != null) {
      parts.add(range);
    }
    if (s.has("minItems")) {
      int n = s.get("minItems").intValue();
      parts.add("at least " + n + (n == 1 ? " item" : " items"));
    }
    if (s.has("minProperties") && s.has("maxProperties")) {
      int min = s.get("minProperties").intValue();
      int max = s.get("maxProperties").intValue();
      parts.add(
          min == max
              ? "exactly " + min + (min == 1 ? " key" : " keys")
              : min + " to " + max + " keys");
    }
    return String.join(", ", parts);
  }

  private static String range(JsonNode s) {
    String low = null;
    String high = null;
    if (s.has("minimum")) {
      low = "at least " + s.get("minimum").asString();
    }
    if (s.has("exclusiveMinimum")) {
      low = "greater than " + s.get("exclusiveMinimum").asString();
    }
    if (s.has("maximum")) {
      high = "at most " + s.get("maximum").asString();
    }
    if (s.has("exclusiveMaximum")) {
      high = "less than " + s.get("exclusiveMaximum").asString();
    }
    if (low == null && high == null) {
      return null;
    }
    return low == null ? high : high == null ? low : low + " and " + high;
  }

  private static String typeName(String jsonType, boolean plural) {
    String word =
        switch (jsonType) {
          case "object" -> "map";
          case "array" -> "list";
          default -> jsonType;
        };
    return plural ? word + "s" : word;
  }

  /**
   * What the object's {@code allOf} of if/then/else branches add to its properties: "when {@code
   * name} is {@code latency}: required; the highest acceptable p99 latency".
   */
  private Map<String, List<String>> conditionalNotes(JsonNode s) {
    Map<String, List<String>> notes = new LinkedHashMap<>();
    JsonNode allOf = s.get("allOf");
    if (allOf == null) {
      return notes;
    }
    for (JsonNode branch : allOf) {
      JsonNode condition = branch.get("if");
      Map.Entry<String, JsonNode> on = condition.get("properties").properties().iterator().next();
      JsonNode c = on.getValue();
      String values =
          c.has("const") ? code(c.get("const")) : String.join(" or ", codes(c.get("enum")));
      note(notes, branch.get("then"), "when `" + on.getKey() + "` is " + values);
      note(notes, branch.get("else"), "when `" + on.getKey() + "` is not " + values);
    }
    return notes;
  }

  private void note(Map<String, List<String>> notes, JsonNode branch, String when) {
    if (branch == null) {
      return;
    }
    Set<String> required = strings(branch.get("required"));
    JsonNode properties = branch.get("properties");
    Set<String> names = new TreeSet<>(required);
    if (properties != null) {
      names.addAll(properties.propertyNames());
    }
    for (String name : names) {
      JsonNode p = properties == null ? null : properties.get(name);
      StringBuilder sb = new StringBuilder(when).append(": ");
      if (p != null && p.has("not")) {
        sb.append("not allowed");
      } else {
        List<String> facts = new ArrayList<>();
        if (p != null && (p.has("type") || p.has("$ref"))) {
          facts.add(type(resolve(p)));
        }
        if (required.contains(name)) {
          facts.add("required");
        }
        sb.append(String.join(", ", facts));
      }
      String description = p == null ? "" : text(p, "description");
      if (!description.isEmpty()) {
        sb.append(" (").append(prose(description)).append(")");
      }
      notes.computeIfAbsent(name, k -> new ArrayList<>()).add(sb.toString());
    }
  }

  /** Follows {@code $ref}s to local definitions. */
  private JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").stringValue();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local $refs are rendered: " + ref);
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new IllegalArgumentException("no definition " + ref);
      }
      s = target;
    }
    return s;
  }

  private static void checkKeywords(String path, JsonNode schema) {
    for (String k : schema.propertyNames()) {
      if (!KNOWN.contains(k)) {
        throw new IllegalArgumentException(
            path + ": the reference generator does not know the keyword " + k);
      }
    }
  }

  /** A description as Markdown text: {@code <name>} would be read as an HTML tag. */
  private static String prose(String description) {
    return description.replace("&", "&amp;").replace("<", "&lt;");
  }

  private static JsonNode first(JsonNode a, JsonNode b, String key) {
    return a.has(key) ? a.get(key) : b.get(key);
  }

  private static String text(JsonNode s, String key) {
    JsonNode v = s.get(key);
    return v == null ? "" : v.stringValue();
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    if (array != null) {
      for (JsonNode v : array) {
        out.add(v.stringValue());
      }
    }
    return out;
  }

  private static List<String> codes(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      out.add(code(v));
    }
    return out;
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A value as the reader would write it: text bare, anything else as compact JSON. */
  private static String code(JsonNode v) {
    String s = v.isString() ? v.stringValue() : JSON.writeValueAsString(v);
    return s.isEmpty() ? "`\"\"` (empty)" : "`" + s + "`";
  }
}
