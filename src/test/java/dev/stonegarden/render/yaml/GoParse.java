package dev.stonegarden.render.yaml;

/**
 * Whether Go's {@code strconv.ParseInt}, {@code ParseUint} and {@code ParseFloat} (64 bits) accept
 * a string: the number syntax go-yaml v2's resolver relies on (base prefixes {@code 0x}, {@code
 * 0o}, {@code 0b}, a leading {@code 0} for octal, underscores between digits, range errors).
 */
final class GoParse {
  private GoParse() {}

  /**
   * {@code strconv.ParseInt(s, base, 64)} (signed) or {@code strconv.ParseUint(s, base, 64)}
   * succeeds; {@code base} is 0 (prefix decides) or an explicit base.
   */
  static boolean parseIntOk(String s, int base, boolean signed) {
    if (s.isEmpty()) {
      return false;
    }
    boolean neg = false;
    if (signed) {
      char c = s.charAt(0);
      if (c == '+' || c == '-') {
        neg = c == '-';
        s = s.substring(1);
      }
    }
    // ParseUint part
    if (s.isEmpty()) {
      return false;
    }
    String s0 = s;
    boolean base0 = base == 0;
    int i = 0;
    if (base0) {
      base = 10;
      if (s.charAt(0) == '0') {
        char c1 = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
        if (c1 == 'b') {
          base = 2;
          i = 2;
        } else if (c1 == 'o') {
          base = 8;
          i = 2;
        } else if (c1 == 'x') {
          base = 16;
          i = 2;
        } else {
          base = 8;
          i = 1;
        }
      }
    }
    long n = 0;
    long cutoff = Long.divideUnsigned(-1L, base) + 1; // maxUint64/base + 1
    boolean underscores = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      int d;
      if (c == '_' && base0) {
        underscores = true;
        continue;
      } else if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'Z') {
        d = c - 'A' + 10;
      } else {
        return false;
      }
      if (d >= base) {
        return false;
      }
      if (Long.compareUnsigned(n, cutoff) >= 0) {
        return false; // range error
      }
      n *= base;
      long n1 = n + d;
      if (Long.compareUnsigned(n1, n) < 0) {
        return false; // range error
      }
      n = n1;
    }
    if (underscores && !underscoreOk(s0)) {
      return false;
    }
    if (!signed) {
      return true;
    }
    // int64 range: up to 1<<63 - 1, or 1<<63 when negative
    if (!neg) {
      return n >= 0;
    }
    return n >= 0 || n == Long.MIN_VALUE;
  }

  /** {@code strconv.ParseFloat(s, 64)} succeeds (decimal syntax only, no overflow to infinity). */
  static boolean parseFloatOk(String s) {
    int n = s.length();
    int i = 0;
    if (n == 0) {
      return false;
    }
    char c0 = s.charAt(0);
    if (c0 == '+' || c0 == '-') {
      i++;
    }
    // inf/infinity/nan and hex floats are accepted by Go too; go-yaml only calls ParseFloat on
    // text that starts with '.' or matched its decimal float pattern, so they never reach here.
    if (isSpecial(s, i)) {
      return true;
    }
    boolean underscores = false;
    boolean sawdot = false;
    boolean sawdigits = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
      } else if (c == '.') {
        if (sawdot) {
          break;
        }
        sawdot = true;
      } else if (c >= '0' && c <= '9') {
        sawdigits = true;
      } else {
        break;
      }
    }
    if (!sawdigits) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i >= n) {
        return false;
      }
      if (s.charAt(i) == '+' || s.charAt(i) == '-') {
        i++;
      }
      if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
      for (; i < n && (s.charAt(i) >= '0' && s.charAt(i) <= '9' || s.charAt(i) == '_'); i++) {
        if (s.charAt(i) == '_') {
          underscores = true;
        }
      }
    }
    if (i != n) {
      return false;
    }
    if (underscores && !underscoreOk(s)) {
      return false;
    }
    String clean = underscores ? s.replace("_", "") : s;
    double v = Double.parseDouble(clean);
    return !Double.isInfinite(v);
  }

  private static boolean isSpecial(String s, int i) {
    String rest = s.substring(i).toLowerCase(java.util.Locale.ROOT);
    boolean signed = i > 0;
    if (rest.equals("inf") || rest.equals("infinity")) {
      return true;
    }
    return !signed && rest.equals("nan");
  }

  /** Go's {@code underscoreOK}: underscores only between digits (or after a base prefix). */
  static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char c1 = Character.toLowerCase(s.charAt(1));
      if (c1 == 'b' || c1 == 'o' || c1 == 'x') {
        i = 2;
        saw = '0';
        hex = c1 == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lc = Character.toLowerCase(c);
      if (c >= '0' && c <= '9' || hex && lc >= 'a' && lc <= 'f') {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }
}
