package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Go's {@code encoding/json.Marshal} of a tree, as the hash suffix needs it
 * (docs/kustomize.md#the-hash-suffix): no spaces, object keys sorted byte-wise, UTF-8 kept raw, and
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as {@code \\u003c}… (Go's HTML-safe
 * default).
 */
public final class GoJson {
  private GoJson() {}

  /**
   * Go's {@code json.Marshal} of {@code n}; or, as Go refuses it, the first value it cannot write
   * (NaN or an infinity, found in Go's key order) with Go's message and the value's JSON pointer in
   * {@code n}.
   */
  public static Checked<String> marshal(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    Problem refused = write(n, "", sb);
    return refused != null ? Checked.failed(refused) : Checked.ok(sb.toString());
  }

  /** An object's members in Go's key order (byte-wise UTF-8). */
  private static Map<String, JsonNode> sorted(JsonNode object) {
    Map<String, JsonNode> sorted = new TreeMap<>(GoJson::compareUtf8);
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      sorted.put(e.getKey(), e.getValue());
    }
    return sorted;
  }

  /**
   * Writes {@code n} (at {@code pointer}) in Go's order; the first value Go cannot write (NaN or an
   * infinity) stops the walk and is returned, else null.
   */
  private static Problem write(JsonNode n, String pointer, StringBuilder sb) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      sb.append("null");
    } else if (n.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted(n).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(e.getKey(), sb);
        sb.append(':');
        Problem p = write(e.getValue(), pointer + "/" + SourceMap.escape(e.getKey()), sb);
        if (p != null) {
          return p;
        }
      }
      sb.append('}');
    } else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Problem p = write(n.get(i), pointer + "/" + i, sb);
        if (p != null) {
          return p;
        }
      }
      sb.append(']');
    } else if (n.isString()) {
      string(n.stringValue(), sb);
    } else if (n.isBoolean()) {
      sb.append(n.booleanValue());
    } else if (n.isIntegralNumber()) {
      sb.append(n.bigIntegerValue());
    } else if (n.isNumber()) {
      Checked<String> f = GoNumbers.jsonFloat(n.doubleValue());
      if (!f.ok()) {
        return new Problem.InDocument(-1, pointer, f.problem().message());
      }
      sb.append(f.value());
    } else {
      string(n.asString(), sb);
    }
    return null;
  }

  /**
   * Go's quoted form of a string (HTML-safe, as {@code json.Marshal} writes it). The one home of
   * Go's JSON string escaping: {@link #quotedLength} counts with the same rule.
   */
  static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String e = escape(c);
      if (e == null) {
        sb.append(c);
      } else {
        sb.append(e);
      }
    }
    sb.append('"');
  }

  /**
   * The length in characters of {@code s}'s quoted form without the quotes, a surrogate pair
   * counting as one character.
   */
  static int quotedLength(String s) {
    int n = s.length();
    int len = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String e = escape(c);
      if (e != null) {
        len += e.length();
      } else {
        len += 1;
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        }
      }
    }
    return len;
  }

  /** How Go's encoder writes {@code c} inside a string, or null when it writes it as it is. */
  private static String escape(char c) {
    return switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      // Go 1.22 and later (kustomize 5.5's build) write these two short; older Go, six characters
      case '\b' -> "\\b";
      case '\f' -> "\\f";
      case '<' -> "\\u003c";
      case '>' -> "\\u003e";
      case '&' -> "\\u0026";
      case '\u2028' -> "\\u2028";
      case '\u2029' -> "\\u2029";
      default -> c < 0x20 ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : null;
    };
  }

  /** Byte-wise UTF-8 order (Go's string comparison). */
  static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
