package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;

/**
 * Where each value of one YAML document came from: JSON pointer ({@code /spec/replicas}, {@code
 * /spec/template/spec/containers/0/image}) to line and column in the file.
 *
 * <p>Keys point at the value; {@link #keyPosition} gives the position of the mapping key for
 * messages about the key itself (unknown fields). Lookups fall back to the nearest recorded
 * ancestor, so a pointer into a value that a patch created still lands somewhere sensible.
 */
public final class SourceMap {
  private final Path file;
  private final Locator locator;

  /**
   * Finds positions. The YAML reader answers by walking the parsed document when a position is
   * asked for, instead of recording every value of every document up front (most positions are
   * never asked for).
   */
  public interface Locator {
    /**
     * 1-based {line, column} of the value (or, with {@code key}, of the key) at {@code pointer}, or
     * null.
     */
    int[] locate(String pointer, boolean key);

    /**
     * The text of the plain scalar (unquoted, untagged, not an alias) written at exactly {@code
     * pointer}, or null.
     */
    default String plainText(String pointer) {
      return null;
    }
  }

  public SourceMap(Path file) {
    this(file, null);
  }

  public SourceMap(Path file, Locator locator) {
    this.file = file;
    this.locator = locator;
  }

  public static SourceMap empty(Path file) {
    return new SourceMap(file);
  }

  public Path file() {
    return file;
  }

  /** The locator answering lookups, or null (for tests that count its work). */
  Locator locator() {
    return locator;
  }

  /** The position of the value at {@code pointer}, or of its nearest recorded ancestor. */
  public SourcePosition positionOf(String pointer) {
    return lookup(pointer);
  }

  /**
   * The text a plain scalar had in the source at exactly {@code pointer} ({@code 0x1F}, {@code
   * 1.10}, {@code 2024-01-01}, where the tree holds the typed value), or null: not recorded, not a
   * plain scalar, or no parsed document behind this map. Kept by the reader, never re-read.
   */
  public String plainText(String pointer) {
    return locator == null ? null : locator.plainText(pointer);
  }

  /** Whether the source held a value at exactly {@code pointer} (no fallback to ancestors). */
  public boolean recorded(String pointer) {
    return find(pointer, false) != null;
  }

  /** The position of the key of {@code pointer} (falls back to the value, then to ancestors). */
  public SourcePosition keyPosition(String pointer) {
    int[] at = find(pointer, true);
    return at != null ? new SourcePosition(file, at[0], at[1]) : positionOf(pointer);
  }

  private int[] find(String pointer, boolean key) {
    return locator == null ? null : locator.locate(pointer, key);
  }

  private SourcePosition lookup(String pointer) {
    String p = pointer;
    while (true) {
      int[] at = find(p, false);
      if (at != null) {
        return new SourcePosition(file, at[0], at[1]);
      }
      if (p.isEmpty()) {
        return SourcePosition.of(file);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /**
   * Escapes one reference token for a JSON pointer (RFC 6901: {@code ~} → {@code ~0}, {@code /} →
   * {@code ~1}).
   */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * A JSON pointer for people, {@code /spec/containers/0/image} → {@code spec.containers[0].image};
   * {@code ifEmpty} for the empty pointer (the whole document).
   */
  public static String fieldPath(String pointer, String ifEmpty) {
    if (pointer.isEmpty()) {
      return ifEmpty;
    }
    StringBuilder sb = new StringBuilder();
    for (String token : pointer.substring(1).split("/", -1)) {
      String t = unescape(token);
      if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(t).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(t);
      }
    }
    return sb.toString();
  }

  /**
   * Unescapes one reference token of a JSON pointer in one left-to-right pass (RFC 6901: {@code ~1}
   * is '/', {@code ~0} is '~'); the inverse of {@link #escape}.
   */
  public static String unescape(String token) {
    if (token.indexOf('~') < 0) {
      return token;
    }
    StringBuilder sb = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~'
          && i + 1 < token.length()
          && (token.charAt(i + 1) == '1' || token.charAt(i + 1) == '0')) {
        sb.append(token.charAt(i + 1) == '1' ? '/' : '~');
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
