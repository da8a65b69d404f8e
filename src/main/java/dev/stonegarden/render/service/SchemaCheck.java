package dev.stonegarden.render.service;

import com.networknt.schema.Error;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks one YAML document against one of our {@link Schemas} and words each violation in our own
 * terms: the field path, what was expected, what was found, at the line and column of the value (or
 * of the key, for unknown and missing keys), with a "did you mean" for misspelt keys.
 */
final class SchemaCheck {
  /** What our patterns mean, in words; keyed by the pattern text of the schemas. */
  private static final Map<String, String> PATTERNS = new LinkedHashMap<>();

  static {
    PATTERNS.put(
        "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
        "a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)");
    PATTERNS.put("^[0-9]+(s|m|h)$", Messages.PAUSE_FORMS);
    PATTERNS.put(
        "^([1-9][0-9]?(\\.[0-9]+)?|0\\.[0-9]*[1-9][0-9]*)%$",
        "a percentage greater than 0 and less than 100, such as \"99.9%\" or 99.9");
    PATTERNS.put("^[0-9]+(\\.[0-9]+)?(ms|s)$", Messages.LATENCY_FORMS);
    PATTERNS.put("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "an e-mail address");
    PATTERNS.put(
        "^[A-Za-z0-9!#$%&'*+^_|~-]+$",
        "an HTTP header name (letters, digits and !#$%&'*+-^_|~; no spaces, ':' or '.', which"
            + " JsonLogic would read as a path)");
    PATTERNS.put(
        "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
        "a DNS subdomain (lower-case labels separated by dots)");
  }

  private SchemaCheck() {}

  /**
   * The schema's complaints about {@code doc}, worded, deduplicated, in document order.
   *
   * @param skip pointers whose complaints the caller words itself (they and everything below them
   *     are dropped)
   * @param secret pointers whose values must never be echoed (values.yaml env values)
   */
  static List<Diagnostic> check(
      Schemas schema, YamlDocument doc, Predicate<String> skip, Predicate<String> secret) {
    Set<Diagnostic> out = new LinkedHashSet<>(); // deduplicated in linear time, in order
    // Numbers no field of ours can hold (.inf, .nan, 1e400, 99999999999999999999999) are reported
    // here and replaced by 0 in the copy the validator sees: networknt's minimum check throws on
    // doubles beyond the long range, and every later step would have to guard against them.
    JsonNode instance = doc.root().deepCopy();
    List<String> odd = new ArrayList<>();
    replaceOddNumbers(instance, "", odd);
    for (String pointer : odd) {
      JsonNode n = doc.root().at(pointer);
      out.add(
          Diagnostic.error(
              doc.sourceMap().positionOf(pointer),
              Trees.path(pointer)
                  + " must be a finite number of at most "
                  + MAX_NUMBER.toPlainString()
                  + ", found "
                  + (secret.test(pointer) ? Trees.kindOf(n) : Trees.describe(n))));
    }
    for (Error e : schema.validate(instance)) {
      String pointer = e.getInstanceLocation().toString();
      if (odd.contains(pointer)) {
        continue;
      }
      // The metric rules (allOf/if/then) are in the schema for editors; ServiceReader words them
      // itself.
      if (skip.test(pointer) || e.getEvaluationPath().toString().contains("/allOf/")) {
        continue;
      }
      Diagnostic d = word(schema, doc, e, pointer, secret.test(pointer));
      if (d != null) {
        out.add(d);
      }
    }
    return new ArrayList<>(out);
  }

  /** Larger numbers lose integer precision as doubles; no key of our files needs them. */
  static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(1L << 53);

  /**
   * Whether {@code n} is a number no key of ours can hold: not finite, or beyond {@link
   * #MAX_NUMBER}.
   */
  static boolean isOddNumber(JsonNode n) {
    if (n == null || !n.isNumber()) {
      return false;
    }
    if (n.isFloatingPointNumber() && !n.isBigDecimal() && !Double.isFinite(n.doubleValue())) {
      return true;
    }
    try {
      return n.decimalValue().abs().compareTo(MAX_NUMBER) > 0;
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static void replaceOddNumbers(JsonNode node, String pointer, List<String> odd) {
    if (node instanceof ObjectNode o) {
      for (String key : new ArrayList<>(o.propertyNames())) {
        String child = pointer + "/" + SourceMap.escape(key);
        if (isOddNumber(o.get(key))) {
          odd.add(child);
          o.put(key, 0);
        } else {
          replaceOddNumbers(o.get(key), child, odd);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (isOddNumber(a.get(i))) {
          odd.add(pointer + "/" + i);
          a.set(i, 0);
        } else {
          replaceOddNumbers(a.get(i), pointer + "/" + i, odd);
        }
      }
    }
  }

  private static Diagnostic word(
      Schemas schema, YamlDocument doc, Error e, String pointer, boolean secret) {
    SourceMap map = doc.sourceMap();
    JsonNode value = e.getInstanceNode();
    String found = secret ? Trees.kindOf(value) : Trees.describe(value);
    String path = Trees.path(pointer);
    Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
    String arg0 = args.length > 0 ? String.valueOf(args[0]) : "";
    switch (e.getKeyword()) {
      case "additionalProperties":
        {
          String key = e.getProperty() != null ? e.getProperty() : arg0;
          String keyPointer = pointer + "/" + SourceMap.escape(key);
          List<String> known = Trees.fieldNames(siblingProperties(schema, e));
          String where = pointer.isEmpty() ? "at the top level" : "in " + path;
          // values.yaml: Helm habits (replicaCount, image.repository) get their own hint.
          String helm = schema == Schemas.VALUES ? HelmKeys.hint(pointer, key) : null;
          String hint = helm != null ? helm : Spelling.didYouMean(key, known);
          if (hint.isEmpty() && !known.isEmpty()) {
            hint = " (expected one of: " + String.join(", ", known) + ")";
          }
          return Diagnostic.error(
              map.keyPosition(keyPointer), "unknown key \"" + key + "\" " + where + hint);
        }
      case "required":
        {
          String key = e.getProperty() != null ? e.getProperty() : arg0;
          String where = pointer.isEmpty() ? "at the top level" : "in " + path;
          return Diagnostic.error(
              keyOrValue(map, pointer), "missing required key \"" + key + "\" " + where);
        }
      case "type":
        {
          String expected = Trees.typeWords(typeList(e.getSchemaNode()));
          // The value as written is gone (1.10 was read as 1.1), so the hint says what to do, not
          // what to write.
          String hint =
              value != null
                      && (value.isNumber() || value.isBoolean())
                      && expected.startsWith("a string")
                      && !expected.contains("number")
                      && !expected.contains("boolean")
                  ? " (unquoted, YAML reads it as a "
                      + (value.isNumber() ? "number" : "boolean")
                      + ": put it in quotes)"
                  : "";
          if (isLatency(e)) {
            return Diagnostic.error(
                map.positionOf(pointer),
                path + " must be " + Messages.LATENCY_FORMS + ", found " + found);
          }
          if (isPause(e)) {
            return Diagnostic.error(
                map.positionOf(pointer),
                path + " must be " + Messages.PAUSE_FORMS + ", found " + found);
          }
          return Diagnostic.error(
              map.positionOf(pointer), path + " must be " + expected + ", found " + found + hint);
        }
      case "pattern":
        {
          String words = PATTERNS.getOrDefault(arg0, "text matching " + arg0);
          return Diagnostic.error(
              map.positionOf(pointer), path + " must be " + words + ", found " + found);
        }
      case "const":
        return Diagnostic.error(
            map.positionOf(pointer), path + " must be \"" + constText(e) + "\", found " + found);
      case "enum":
        return Diagnostic.error(
            map.positionOf(pointer), path + " must be one of " + enumText(e) + ", found " + found);
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        {
          if (isPause(e)) {
            return Diagnostic.error(
                map.positionOf(pointer),
                path + " must be " + Messages.PAUSE_FORMS + ", found " + found);
          }
          if (pointer.endsWith("/sla/availability")) {
            return Diagnostic.error(
                map.positionOf(pointer),
                path + " must be a percentage greater than 0 and less than 100, found " + found);
          }
          String bound =
              switch (e.getKeyword()) {
                case "minimum" -> "at least ";
                case "maximum" -> "at most ";
                case "exclusiveMinimum" -> "greater than ";
                default -> "less than ";
              };
          return Diagnostic.error(
              map.positionOf(pointer), path + " must be " + bound + arg0 + ", found " + found);
        }
      case "minItems":
        return Diagnostic.error(
            keyOrValue(map, pointer),
            path
                + " must not be empty"
                + (arg0.equals("1") ? "" : " (at least " + arg0 + " items)"));
      case "maxLength":
        return Diagnostic.error(
            map.positionOf(pointer),
            path
                + " must be at most "
                + arg0
                + " characters long, found "
                + (value != null && value.isString() ? value.stringValue().length() : 0)
                + " characters");
      case "minLength":
        return Diagnostic.error(map.positionOf(pointer), path + " must not be empty");
      case "minProperties":
      case "maxProperties":
        if (isStep(e)) {
          return Diagnostic.error(
              map.positionOf(pointer),
              path
                  + " must have exactly one of "
                  + stepKinds(schema)
                  + ", found "
                  + (Trees.fieldNames(value).isEmpty()
                      ? "none"
                      : String.join(" and ", Trees.fieldNames(value))));
        }
        if (e.getKeyword().equals("minProperties") && arg0.equals("1")) {
          return Diagnostic.error(map.positionOf(pointer), path + " must not be empty");
        }
        return Diagnostic.error(map.positionOf(pointer), path + " " + e.getMessage());
      default:
        // Keywords our schemas do not use in ways worth special wording: networknt's English text.
        return Diagnostic.error(map.positionOf(pointer), path + " " + e.getMessage());
    }
  }

  /**
   * For a key that must be added to a map: point at the map's key ("owner:") if it has one, else at
   * the map.
   */
  private static SourcePosition keyOrValue(SourceMap map, String pointer) {
    return pointer.isEmpty() ? map.positionOf(pointer) : map.keyPosition(pointer);
  }

  private static boolean isPause(Error e) {
    return schemaPointer(e).contains("/pause/properties/duration/");
  }

  /** The kinds of canary step, from the schema: "setWeight, pause or analysis". */
  private static String stepKinds(Schemas schema) {
    List<String> kinds = Trees.fieldNames(schema.tree().at("/$defs/step/properties"));
    if (kinds.size() < 2) {
      return String.join("", kinds);
    }
    return String.join(", ", kinds.subList(0, kinds.size() - 1))
        + " or "
        + kinds.get(kinds.size() - 1);
  }

  private static boolean isStep(Error e) {
    return schemaPointer(e).startsWith("/$defs/step/m");
  }

  private static boolean isLatency(Error e) {
    return schemaPointer(e).startsWith("/$defs/latency/");
  }

  /**
   * The JSON pointer of the failing keyword inside our schema (the fragment of its schema
   * location).
   */
  private static String schemaPointer(Error e) {
    String s = e.getSchemaLocation().toString();
    int hash = s.indexOf('#');
    return hash < 0 ? "" : s.substring(hash + 1);
  }

  /** The {@code properties} next to the failing {@code additionalProperties}, for suggestions. */
  private static JsonNode siblingProperties(Schemas schema, Error e) {
    String p = schemaPointer(e);
    int slash = p.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    JsonNode parent = schema.tree().at(p.substring(0, slash));
    return parent.get("properties");
  }

  private static List<String> typeList(JsonNode schemaNode) {
    List<String> types = new ArrayList<>();
    if (schemaNode != null && schemaNode.isArray()) {
      schemaNode.values().forEach(t -> types.add(t.asString()));
    } else if (schemaNode != null) {
      types.add(schemaNode.asString());
    }
    return types;
  }

  private static String constText(Error e) {
    JsonNode n = e.getSchemaNode();
    return n != null ? n.asString() : Arrays.toString(e.getArguments());
  }

  private static String enumText(Error e) {
    JsonNode n = e.getSchemaNode();
    List<String> items = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.values().forEach(v -> items.add(v.asString()));
    }
    return String.join(", ", items);
  }
}
