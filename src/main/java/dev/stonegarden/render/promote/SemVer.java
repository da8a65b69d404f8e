package dev.stonegarden.render.promote;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0, with an optional leading {@code v} as image tags often
 * have), ordered by precedence: build metadata is ignored, a pre-release comes before its release.
 * Tags that are not semantic versions are not ordered ({@link #parse} gives null).
 */
public record SemVer(long major, long minor, long patch, List<String> pre)
    implements Comparable<SemVer> {
  private static final Pattern SEMVER =
      Pattern.compile(
          "v?(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})"
              + "(?:-((?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*))*))?"
              + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

  /** The version of {@code tag}, or null when it is not a semantic version. */
  public static SemVer parse(String tag) {
    if (tag == null) {
      return null;
    }
    Matcher m = SEMVER.matcher(tag);
    if (!m.matches()) {
      return null;
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return new SemVer(
        Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), pre);
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (pre.isEmpty() || o.pre.isEmpty()) {
      return Boolean.compare(pre.isEmpty(), o.pre.isEmpty()); // a release outranks its pre-release
    }
    for (int i = 0; i < Math.min(pre.size(), o.pre.size()); i++) {
      String a = pre.get(i);
      String b = o.pre.get(i);
      boolean an = a.chars().allMatch(Character::isDigit);
      boolean bn = b.chars().allMatch(Character::isDigit);
      int d;
      if (an && bn) {
        d = a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
      } else if (an != bn) {
        d = an ? -1 : 1; // numeric identifiers come first
      } else {
        d = a.compareTo(b);
      }
      if (d != 0) {
        return d;
      }
    }
    return Integer.compare(pre.size(), o.pre.size());
  }
}
