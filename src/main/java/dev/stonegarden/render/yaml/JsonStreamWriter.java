package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes documents as a stream of compact JSON objects, one per line ({@code --output json}; Argo
 * CD reads a stream of objects, never an array), with keys in the YAML writer's order and numbers
 * printed as the YAML writer prints them.
 *
 * <p>Strings and keys go through the same JSON-hop rules as in {@link YamlWriter} (a raw NEL folds,
 * characters go-yaml rejects fail), so that both output formats carry the same data and a build
 * fails or succeeds whatever the format.
 */
public final class JsonStreamWriter {
  private JsonStreamWriter() {}

  /**
   * One line per document, each ending with a newline; nothing for an empty list. What kustomize
   * cannot print is a {@link Problem.InDocument}, like {@link YamlWriter#write(List)}.
   */
  public static Checked<String> write(List<? extends JsonNode> documents) {
    StringBuilder out = new StringBuilder(4096);
    int index = 0;
    for (JsonNode document : documents) {
      Checked<StringBuilder> written = write(document, out);
      if (!written.ok()) {
        return YamlWriter.inDocument(written, index);
      }
      out.append('\n');
      index++;
    }
    return Checked.ok(out.toString());
  }

  /**
   * Appends one document as compact JSON (without a line break) to {@code out} and returns it; what
   * kustomize cannot print as {@link #write(List)}, with document index -1.
   */
  public static Checked<StringBuilder> write(JsonNode node, StringBuilder out) {
    // what cannot be printed escapes the recursive emit (YamlWriter.unwritable)
    return Checked.of(
        () -> {
          emit(node, out);
          return out;
        });
  }

  private static void emit(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      List<String> keys = new ArrayList<>(node.size());
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        keys.add(e.getKey());
      }
      KeyOrder.sort(keys);
      out.append('{');
      boolean first = true;
      for (String key : keys) {
        if (!first) {
          out.append(',');
        }
        first = false;
        try {
          string(YamlWriter.checked(JsonText.checkKey(key)), out);
          out.append(':');
          emit(node.get(key), out);
        } catch (Checked.Escape e) {
          throw YamlWriter.under(e, key);
        }
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      int index = 0;
      for (JsonNode item : node) {
        if (index > 0) {
          out.append(',');
        }
        try {
          emit(item, out);
        } catch (Checked.Escape e) {
          throw YamlWriter.under(e, Integer.toString(index));
        }
        index++;
      }
      out.append(']');
    } else if (node.isString()) {
      string(YamlWriter.checked(JsonText.check(node.stringValue())), out);
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isNumber()) {
      out.append(YamlWriter.checked(YamlWriter.formatNumber(node)));
    } else {
      throw YamlWriter.unwritable("cannot write a " + node.getNodeType() + " node as JSON");
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * A JSON string literal: quotes, backslashes and control characters escaped, the rest raw, except
   * the characters a YAML reader would take for line breaks or reject (NEL, U+2028, U+2029, C1
   * controls, BOM), so that the stream reads the same through YAML-or-JSON decoders.
   */
  static void string(String s, StringBuilder out) {
    out.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          // control characters, and the two separators JavaScript does not allow raw in strings
          if (c < 0x20
              || (c >= 0x7F && c <= 0x9F)
              || c == '\u2028'
              || c == '\u2029'
              || c == '\uFEFF'
              || (Character.isSurrogate(c) && !pairedAt(s, i))) {
            char e = Character.isSurrogate(c) ? '\uFFFD' : c;
            out.append("\\u")
                .append(HEX[e >> 12 & 0xF])
                .append(HEX[e >> 8 & 0xF])
                .append(HEX[e >> 4 & 0xF])
                .append(HEX[e & 0xF]);
          } else {
            out.append(c);
          }
          break;
      }
    }
    out.append('"');
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
