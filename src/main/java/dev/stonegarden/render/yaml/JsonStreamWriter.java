package dev.stonegarden.render.yaml;

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
   * One line per document, each ending with a newline; nothing for an empty list.
   *
   * @throws IllegalArgumentException for what kustomize cannot print, like {@link YamlWriter}
   */
  public static String write(List<? extends JsonNode> documents) {
    StringBuilder out = new StringBuilder(4096);
    int index = 0;
    for (JsonNode document : documents) {
      try {
        write(document, out);
      } catch (UnwritableValueException e) {
        throw e.inDocument(index);
      }
      out.append('\n');
      index++;
    }
    return out.toString();
  }

  /** Appends one document as compact JSON (without a line break) to {@code out}. */
  public static void write(JsonNode node, StringBuilder out) {
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
          string(JsonText.checkKey(key), out);
          out.append(':');
          write(node.get(key), out);
        } catch (UnwritableValueException e) {
          throw e.under(key);
        } catch (IllegalArgumentException e) {
          throw new UnwritableValueException(e.getMessage(), -1, "").under(key);
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
          write(item, out);
        } catch (UnwritableValueException e) {
          throw e.under(Integer.toString(index));
        } catch (IllegalArgumentException e) {
          throw new UnwritableValueException(e.getMessage(), -1, "").under(Integer.toString(index));
        }
        index++;
      }
      out.append(']');
    } else if (node.isString()) {
      string(JsonText.check(node.stringValue()), out);
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isNumber()) {
      out.append(YamlWriter.formatNumber(node));
    } else {
      throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON");
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
