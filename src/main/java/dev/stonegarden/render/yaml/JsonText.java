package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;

/**
 * What kustomize's JSON hop does to a string before go-yaml v2 prints it
 * (docs/kustomize.md#output-format): Go's encoding/json replaces invalid UTF-16/UTF-8 with U+FFFD
 * and writes DEL, C1 controls and U+FFFE/U+FFFF raw, which go-yaml v2's reader then rejects,
 * failing the build. It also writes NEL (U+0085) raw, and go-yaml v2 reads a raw NEL inside the
 * JSON string as a line break and folds it like any line break of a double-quoted scalar ({@code
 * "a\u0085b"} comes out as {@code a b}).
 */
public final class JsonText {
  /** kustomize's message (after the dump of the object) when the JSON text has such characters. */
  static final String CONTROL_CHARACTERS = "yaml: control characters are not allowed";

  /** kustomize's message when a key of the JSON text cannot be a simple key for go-yaml v2. */
  static final String NOT_A_SIMPLE_KEY = "yaml: did not find expected ',' or '}'";

  /** kustomize's message when a NEL in a string is followed by {@code ---} or {@code ...}. */
  static final String DOCUMENT_INDICATOR = "yaml: found unexpected document indicator";

  /**
   * go-yaml's simple keys end at most 1024 characters after they start: the JSON-escaped key plus
   * its two quotes must fit.
   */
  private static final int MAX_ESCAPED_KEY_LENGTH = 1022;

  private JsonText() {}

  /**
   * {@code s} as go-yaml v2 sees it, or kustomize's error when it would fail on it (a {@link
   * Problem.InValue}: the writer adds where the string is).
   */
  static Checked<String> check(String s) {
    Checked<String> checked = checkCharacters(s);
    return checked.ok() && checked.value().indexOf('\u0085') >= 0
        ? foldNextLines(checked.value())
        : checked;
  }

  /**
   * A string value as kustomize holds it after its JSON hop, which its hash suffix already sees
   * (docs/kustomize.md#the-hash-suffix): NELs folded like line breaks (a, NEL, b is {@code "a b"});
   * unchanged when the hop would refuse it (the output then fails with the error).
   */
  public static String afterJsonHop(String s) {
    if (s.indexOf('\u0085') < 0) {
      return s;
    }
    Checked<String> checked = check(s);
    return checked.ok() ? checked.value() : s;
  }

  /**
   * A mapping key as go-yaml v2 sees it. In the JSON text the key must be a simple key: on one line
   * (no NEL) and, JSON-escaped, at most 1022 characters (verified with kubectl: a
   * configMapGenerator literal key of 1022 characters works, 1023 fails, and so does 1020
   * characters plus a {@code <}, which Go escapes as {@code \u003c}). Kustomize's error when it
   * would fail on it, as {@link #check}.
   */
  static Checked<String> checkKey(String key) {
    Checked<String> checked = checkCharacters(key);
    if (checked.ok()
        && (checked.value().indexOf('\u0085') >= 0
            || escapedLength(checked.value()) > MAX_ESCAPED_KEY_LENGTH)) {
      return refused(NOT_A_SIMPLE_KEY);
    }
    return checked;
  }

  private static Checked<String> refused(String message) {
    return Checked.failed(new Problem.InValue(message));
  }

  /** Length in characters of Go's {@code json.Marshal} form of {@code s}, without the quotes. */
  static int escapedLength(String s) {
    int n = s.length();
    if (n <= MAX_ESCAPED_KEY_LENGTH / 6) {
      return n; // cannot exceed the limit even if every character were escaped
    }
    return GoJson.quotedLength(s);
  }

  /**
   * The line folding of go-yaml's double-quoted scalar scanner, where the only raw blanks of a JSON
   * string are spaces and the only raw line breaks are NELs (read as {@code \n}): spaces before a
   * break and all blanks after it are dropped; one break becomes a space, each further break a
   * newline. A line of the JSON text that starts with {@code ---} or {@code ...} is kustomize's
   * error.
   */
  static Checked<String> foldNextLines(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (true) {
      while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\u0085') {
        b.append(s.charAt(i++));
      }
      if (i >= n) {
        return Checked.ok(b.toString());
      }
      int whitespaces = 0;
      boolean leadingBlanks = false;
      int trailingBreaks = 0;
      while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\u0085')) {
        if (s.charAt(i) == ' ') {
          if (!leadingBlanks) {
            whitespaces++;
          }
        } else if (!leadingBlanks) {
          whitespaces = 0;
          leadingBlanks = true;
        } else {
          trailingBreaks++;
        }
        i++;
      }
      if (leadingBlanks && s.charAt(i - 1) == '\u0085' && isDocumentIndicator(s, i)) {
        // a line of the JSON text that starts with --- or ... ends the document
        return refused(DOCUMENT_INDICATOR);
      }
      if (leadingBlanks) {
        if (trailingBreaks == 0) {
          b.append(' ');
        } else {
          b.append("\n".repeat(trailingBreaks));
        }
      } else {
        b.append(" ".repeat(whitespaces));
      }
    }
  }

  private static boolean isDocumentIndicator(String s, int i) {
    if (i + 3 >= s.length()) {
      return false; // the closing quote follows, which is not a blank
    }
    String three = s.substring(i, i + 3);
    char after = s.charAt(i + 3);
    return (three.equals("---") || three.equals("...")) && (after == ' ' || after == '\u0085');
  }

  private static Checked<String> checkCharacters(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x7F) {
        continue;
      }
      if (c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF) {
        return refused(CONTROL_CHARACTERS);
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
        if (paired) {
          i++;
        } else {
          return replaceLoneSurrogates(s);
        }
      }
    }
    return Checked.ok(s);
  }

  private static Checked<String> replaceLoneSurrogates(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(i + 1));
        i++;
      } else if (Character.isSurrogate(c)) {
        b.append('\uFFFD');
      } else {
        if (c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF) {
          return refused(CONTROL_CHARACTERS);
        }
        b.append(c);
      }
    }
    return Checked.ok(b.toString());
  }
}
