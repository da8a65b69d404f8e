package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.GoNumbers;
import dev.stonegarden.render.yaml.NodeFactory;
import dev.stonegarden.render.yaml.ScalarResolver;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlVersion;
import tools.jackson.databind.JsonNode;

/**
 * The text a plain scalar had in its file. kustomize turns annotation and label values into strings
 * from the YAML node's own text, so {@code 1.10}, {@code 0x1F}, {@code 2024-01-01} or {@code ~}
 * come out as written, whereas our tree holds their typed values. The YAML reader keeps that text
 * ({@link dev.stonegarden.render.yaml.SourceMap#plainText}); it is used only if it still types to
 * the value the tree holds (a patch may have replaced it).
 */
final class RawScalars {
  private RawScalars() {}

  /**
   * A value as kyaml's string maps hold it: the source text of a plain scalar, else the value's
   * text ("" for null and collections).
   */
  static String text(Resource r, String pointer, JsonNode value) {
    if (r.throughJson()) {
      return afterJson(value);
    }
    String text = plainText(r, pointer, value);
    return text != null ? text : NodeFactory.asParsed(value);
  }

  /**
   * The text after a JSON 6902 patch: kustomize read the patched JSON back with Go's {@code
   * encoding/json}, so a number is a float64, written as Go's {@code FormatFloat(f, 'g', -1, 64)}
   * ({@code 7}, {@code 10.5}, {@code 1e+20}, {@code 1.234567e+06}), and the source text is gone.
   */
  private static String afterJson(JsonNode value) {
    if (value != null && value.isNumber()) {
      return GoNumbers.formatFloat(value.doubleValue(), 'g');
    }
    return Trees.kyamlValue(value); // Go's nil is go-yaml's "null"
  }

  /**
   * The source text of the value at {@code pointer}, or null when it cannot be trusted or is not
   * needed.
   */
  private static String plainText(Resource r, String pointer, JsonNode value) {
    if (value == null || value.isContainer()) {
      return null; // a null keeps its text too: ~, null, Null, NULL (checked with kubectl)
    }
    // a timestamp string (2024-01-01T00:00:00Z, 2001-12-14T21:59:43.1-05:00) starts with its year
    String str = value.isString() ? value.stringValue() : "";
    boolean maybeTimestamp =
        str.length() >= 10 && Character.isDigit(str.charAt(0)) && str.charAt(4) == '-';
    if (value.isString() && !maybeTimestamp) {
      return null;
    }
    String text = r.sourceMap().plainText(pointer);
    if (text == null || text.isEmpty()) {
      return null;
    }
    ScalarResolver.Resolved resolved = ScalarResolver.resolve(text, YamlVersion.YAML_1_2);
    if (resolved.kind() == ScalarResolver.Kind.STRING || !resolved.value().equals(value)) {
      return null;
    }
    return text;
  }
}
