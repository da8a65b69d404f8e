package dev.stonegarden.render.promql;

import dev.stonegarden.render.diag.Checked;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PromQL query with {@code {{name}}} placeholders (platform.yaml's {@code sli} templates,
 * service.yaml's custom analysis queries), checked before substitution: every placeholder must be
 * known, and the query must parse once each is replaced. Placeholders are replaced by fillers of
 * the same length, so offsets of problems are offsets in the template as written.
 */
public final class QueryTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)\\}\\}");

  private QueryTemplate() {}

  /** A placeholder the caller does not know, with its offset. */
  public record Unknown(String name, int offset) {}

  /** The first placeholder of {@code template} not in {@code known}, or null. */
  public static Unknown unknownPlaceholder(String template, List<String> known) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!known.contains(m.group(1))) {
        return new Unknown(m.group(1), m.start());
      }
    }
    return null;
  }

  /**
   * {@code template} parsed with every placeholder replaced by a filler of its length (letters, as
   * the values substituted there are: namespaces, names, hashes), or its first problem, with the
   * offset in {@code template}.
   */
  public static Checked<Expr> parse(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, "x".repeat(m.end() - m.start()));
    }
    m.appendTail(sb);
    return PromQl.parse(sb.toString());
  }
}
