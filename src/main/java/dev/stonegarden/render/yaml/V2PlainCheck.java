package dev.stonegarden.render.yaml;

/**
 * Whether go-yaml v2's encoder may write a string as a plain scalar: {@code encoder.stringv} asks
 * {@code resolve("", s)} (YAML 1.1 typing with Go's number parsers and v2's timestamp formats) and
 * quotes the string unless it resolves to {@code !!str} and is not a base-60 float
 * (kustomize-semantics.md §18.4 rule 2).
 *
 * <p>Everything here is what the writer needs of v2's resolver, written from its behaviour: the
 * bool/null/inf/nan table, {@code strconv.ParseInt/ParseUint(s, 0, 64)} after removing {@code _},
 * the YAML float pattern with {@code strconv.ParseFloat}, {@code 0b} binaries and the four
 * {@code time.Parse} layouts.
 */
final class V2PlainCheck {
  private V2PlainCheck() {}

  /** True when go-yaml v2 would read {@code s} back as a string from a plain scalar. */
  static boolean isPlainString(String s) {
    return resolvesToString(s) && !isBase60Float(s);
  }

  static boolean resolvesToString(String s) {
    if (s.isEmpty()) {
      return false; // null
    }
    char c0 = s.charAt(0);
    char hint;
    if (c0 == '+' || c0 == '-') {
      hint = 'S';
    } else if (c0 >= '0' && c0 <= '9') {
      hint = 'D';
    } else if ("yYnNtTfFoO~".indexOf(c0) >= 0) {
      hint = 'M';
    } else if (c0 == '.') {
      hint = '.';
    } else {
      return true;
    }
    if (inResolveMap(s)) {
      return false;
    }
    switch (hint) {
      case 'M':
        return true;
      case '.':
        return !GoParse.parseFloatOk(s);
      default:
        if (GoTime.isV2Timestamp(s)) {
          return false;
        }
        String plain = s.indexOf('_') >= 0 ? s.replace("_", "") : s;
        if (GoParse.parseIntOk(plain, 0, true) || GoParse.parseIntOk(plain, 0, false)) {
          return false;
        }
        if (isYamlStyleFloat(plain) && GoParse.parseFloatOk(plain)) {
          return false;
        }
        if (plain.startsWith("0b")) {
          String rest = plain.substring(2);
          if (GoParse.parseIntOk(rest, 2, true) || GoParse.parseIntOk(rest, 2, false)) {
            return false;
          }
        } else if (plain.startsWith("-0b")) {
          if (GoParse.parseIntOk("-" + plain.substring(3), 2, true)) {
            return false;
          }
        }
        return true;
    }
  }

  private static boolean inResolveMap(String s) {
    switch (s) {
      case "y": case "Y": case "yes": case "Yes": case "YES":
      case "true": case "True": case "TRUE":
      case "on": case "On": case "ON":
      case "n": case "N": case "no": case "No": case "NO":
      case "false": case "False": case "FALSE":
      case "off": case "Off": case "OFF":
      case "~": case "null": case "Null": case "NULL":
      case ".nan": case ".NaN": case ".NAN":
      case ".inf": case ".Inf": case ".INF":
      case "+.inf": case "+.Inf": case "+.INF":
      case "-.inf": case "-.Inf": case "-.INF":
        return true;
      default:
        return false;
    }
  }

  /** {@code ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$} */
  static boolean isYamlStyleFloat(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    } else {
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
      if (i < n && s.charAt(i) == '.') {
        i++;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    return i == n;
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
