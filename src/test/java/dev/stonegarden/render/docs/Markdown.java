package dev.stonegarden.render.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the docs tests need to know about a Markdown page: its anchors and its links. */
final class Markdown {
  private Markdown() {}

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  /** A link of a page: its target as written and the line it is on (1-based). */
  record Link(String target, int line) {}

  /**
   * The anchors GitHub gives the page: one per heading (outside fenced code), the text lower-cased,
   * everything but letters, digits, spaces, {@code -} and {@code _} dropped, spaces turned into
   * {@code -}; a repeated anchor gets {@code -1}, {@code -2}, … Explicit {@code <a id="…">} anchors
   * count too.
   */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        String slug = slug(h.group(1));
        String unique = slug;
        for (int i = 1; anchors.contains(unique); i++) {
          unique = slug + "-" + i;
        }
        anchors.add(unique);
      }
      Matcher a = HTML_ANCHOR.matcher(line);
      while (a.find()) {
        anchors.add(a.group(1));
      }
    }
    return anchors;
  }

  /** GitHub's anchor for a heading's text. */
  static String slug(String heading) {
    StringBuilder sb = new StringBuilder();
    heading
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(
            c -> {
              if (c == ' ') {
                sb.append('-');
              } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }

  /** The targets of inline links ({@code [text](target)}) outside fenced code and code spans. */
  static List<Link> links(String markdown) {
    List<Link> links = new ArrayList<>();
    boolean fenced = false;
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher m = LINK.matcher(CODE_SPAN.matcher(lines[i]).replaceAll("``"));
      while (m.find()) {
        links.add(new Link(m.group(1), i + 1));
      }
    }
    return links;
  }
}
