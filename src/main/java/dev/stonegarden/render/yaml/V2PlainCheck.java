package dev.stonegarden.render.yaml;

/**
 * Whether go-yaml v2's encoder may write a string as a plain scalar: {@code encoder.stringv} asks
 * {@code resolve("", s)} (YAML 1.1 typing, {@link ScalarResolver}) and quotes the string unless it
 * resolves to {@code !!str} and is not a base-60 float such as {@code 1:20} (which v2 no longer
 * reads as a number but still quotes "for compatibility"): docs/kustomize.md#strings.
 */
final class V2PlainCheck {
  private V2PlainCheck() {}

  /** True when go-yaml v2 writes {@code s} plain unless the emitter's analysis forbids it. */
  static boolean isPlainString(String s) {
    if (!s.isEmpty() && !mayResolve(s.charAt(0))) {
      // go-yaml's resolver gives no hint for this first character: a string, whatever follows
      // (most strings of a manifest take this path)
      return true;
    }
    return ScalarResolver.isPlainString(s, YamlVersion.YAML_1_1) && !isBase60Float(s);
  }

  /** The first characters go-yaml's resolve table has a hint for: sign, digit, dot, yYnNtTfFoO~. */
  private static boolean mayResolve(char c) {
    switch (c) {
      case '+':
      case '-':
      case '.':
      case '~':
      case 'y':
      case 'Y':
      case 'n':
      case 'N':
      case 't':
      case 'T':
      case 'f':
      case 'F':
      case 'o':
      case 'O':
        return true;
      default:
        return c >= '0' && c <= '9';
    }
  }

  /** {@code ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$}, after v2's fast path. */
  static boolean isBase60Float(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    if (!(c == '+' || c == '-' || isDigit(c)) || s.indexOf(':') < 0) {
      return false;
    }
    int n = s.length();
    int i = 0;
    if (c == '+' || c == '-') {
      i++;
    }
    if (i >= n || !isDigit(s.charAt(i))) {
      return false;
    }
    i++;
    while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    int groups = 0;
    while (i < n && s.charAt(i) == ':') {
      i++;
      // [0-5]?[0-9]: one digit, or two with the first in 0-5
      if (i < n && isDigit(s.charAt(i))) {
        if (i + 1 < n && isDigit(s.charAt(i + 1)) && s.charAt(i) <= '5') {
          i += 2;
        } else {
          i++;
        }
      } else {
        return false;
      }
      groups++;
    }
    if (groups == 0) {
      return false;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
        i++;
      }
    }
    return i == n;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
