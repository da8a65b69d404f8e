package dev.stonegarden.render.diff;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.yaml.JsonWriters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints a {@link DiffReport} (docs/ci.md, "Output formats"): text (unified diffs under {@code kind
 * namespace/name} headers, then a summary), markdown for a pull-request comment (the summary as a
 * table, each object's diff in a collapsible block, cut before GitHub's comment limit) or JSON for
 * tools.
 */
public final class ReportWriter {
  /** What GitHub accepts in one comment body, in characters. */
  public static final int COMMENT_LIMIT = 65_536;

  /** The first line of the markdown comment: CI finds its own comment by it to update it. */
  public static final String MARKER = "<!-- platform-render diff -->";

  /** The output formats. */
  public enum Format {
    TEXT,
    MARKDOWN,
    JSON
  }

  private final Function<Diagnostic, String> diagnostics;

  /**
   * @param diagnostics how a diagnostic is shown in a report (one line, path relative to the
   *     working directory)
   */
  public ReportWriter(Function<Diagnostic, String> diagnostics) {
    this.diagnostics = diagnostics;
  }

  public String write(DiffReport report, Format format) {
    return switch (format) {
      case TEXT -> text(report);
      case MARKDOWN -> markdown(report, COMMENT_LIMIT);
      case JSON -> json(report);
    };
  }

  // ---- text ----

  String text(DiffReport r) {
    StringBuilder out = new StringBuilder();
    for (Comparison c : r.comparisons()) {
      if (c.failed()) {
        out.append(c.service())
            .append(' ')
            .append(c.environment())
            .append(": failed to render (")
            .append(String.join(", ", c.failedSides()))
            .append(")\n");
        c.diagnostics().forEach(d -> out.append("  ").append(diagnostics.apply(d)).append('\n'));
        out.append('\n');
        continue;
      }
      out.append(c.service()).append(' ').append(c.environment()).append(": ").append(counts(c));
      out.append("\n\n");
      for (ObjectChange o : c.changes()) {
        out.append(o.title()).append('\n');
        out.append("--- ").append(r.baseLabel()).append('\n');
        out.append("+++ ").append(r.headLabel()).append('\n');
        out.append(o.hunks()).append('\n');
      }
    }
    if (r.comparisons().isEmpty()) {
      out.append("No differences (").append(r.baseLabel()).append(" → ").append(r.headLabel());
      return out.append(").\n").toString();
    }
    out.append("Summary (")
        .append(r.baseLabel())
        .append(" → ")
        .append(r.headLabel())
        .append("):\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"service", "environment", "added", "removed", "changed"});
    for (Comparison c : r.comparisons()) {
      rows.add(
          c.failed()
              ? new String[] {c.service(), c.environment(), "failed", "", ""}
              : new String[] {
                c.service(),
                c.environment(),
                String.valueOf(c.count(ObjectChange.Change.ADDED)),
                String.valueOf(c.count(ObjectChange.Change.REMOVED)),
                String.valueOf(c.count(ObjectChange.Change.CHANGED))
              });
    }
    int[] width = new int[5];
    rows.forEach(
        row -> {
          for (int i = 0; i < 5; i++) {
            width[i] = Math.max(width[i], row[i].length());
          }
        });
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < 5; i++) {
        line.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String counts(Comparison c) {
    return c.count(ObjectChange.Change.ADDED)
        + " added, "
        + c.count(ObjectChange.Change.REMOVED)
        + " removed, "
        + c.count(ObjectChange.Change.CHANGED)
        + " changed";
  }

  // ---- markdown ----

  /** The comment, at most {@code limit} characters: object blocks that do not fit are left out. */
  String markdown(DiffReport r, int limit) {
    StringBuilder head = new StringBuilder();
    head.append(MARKER).append('\n');
    head.append("### Rendered manifests: ")
        .append(escape(r.baseLabel()))
        .append(" → ")
        .append(escape(r.headLabel()))
        .append("\n\n");
    if (r.comparisons().isEmpty()) {
      return head.append("No rendered object differs.\n").toString();
    }
    head.append(
        String.format(
            Locale.ROOT,
            "%d added, %d removed, %d changed%s\n\n",
            r.total(ObjectChange.Change.ADDED),
            r.total(ObjectChange.Change.REMOVED),
            r.total(ObjectChange.Change.CHANGED),
            r.failed() ? "; **some renders failed** (below)" : ""));
    head.append("| service | environment | added | removed | changed |\n");
    head.append("| --- | --- | ---: | ---: | ---: |\n");
    for (Comparison c : r.comparisons()) {
      head.append("| ")
          .append(escape(c.service()))
          .append(" | ")
          .append(escape(c.environment()))
          .append(" | ");
      if (c.failed()) {
        head.append("failed (").append(String.join(", ", c.failedSides())).append(") | | |\n");
      } else {
        head.append(c.count(ObjectChange.Change.ADDED))
            .append(" | ")
            .append(c.count(ObjectChange.Change.REMOVED))
            .append(" | ")
            .append(c.count(ObjectChange.Change.CHANGED))
            .append(" |\n");
      }
    }
    head.append('\n');

    List<String> blocks = new ArrayList<>();
    for (Comparison c : r.comparisons()) {
      String where = escape(c.service()) + " " + escape(c.environment());
      if (c.failed()) {
        StringBuilder b = new StringBuilder();
        b.append("<details open><summary>")
            .append(where)
            .append(": failed to render (")
            .append(String.join(", ", c.failedSides()))
            .append(")</summary>\n\n```\n");
        c.diagnostics().forEach(d -> b.append(fence(diagnostics.apply(d))).append('\n'));
        blocks.add(b.append("```\n\n</details>\n").toString());
        continue;
      }
      for (ObjectChange o : c.changes()) {
        blocks.add(
            "<details><summary>"
                + where
                + ": "
                + escape(o.title())
                + "</summary>\n\n```diff\n"
                + fence(o.hunks())
                + "```\n\n</details>\n");
      }
    }
    StringBuilder out = new StringBuilder(head);
    for (int i = 0; i < blocks.size(); i++) {
      String note = cutNote(blocks.size() - i, r.command());
      if (out.length() + blocks.get(i).length() + 1 + note.length() > limit) {
        out.append(note);
        return out.toString();
      }
      out.append(blocks.get(i)).append('\n');
    }
    return out.toString();
  }

  private static String cutNote(int left, String command) {
    return "> **Cut here**: "
        + left
        + " more block"
        + (left == 1 ? "" : "s")
        + " did not fit in one comment ("
        + COMMENT_LIMIT
        + " characters). Run `"
        + command
        + "` for the whole diff.\n";
  }

  // A diff line holding ``` would end the code block early.
  private static String fence(String text) {
    return text.replace("```", "`\u200b``");
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---- json ----

  String json(DiffReport r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("base", r.baseLabel());
    root.put("head", r.headLabel());
    ObjectNode summary = root.putObject("summary");
    summary.put("added", r.total(ObjectChange.Change.ADDED));
    summary.put("removed", r.total(ObjectChange.Change.REMOVED));
    summary.put("changed", r.total(ObjectChange.Change.CHANGED));
    summary.put("failed", r.comparisons().stream().filter(Comparison::failed).count());
    ArrayNode comparisons = root.putArray("comparisons");
    for (Comparison c : r.comparisons()) {
      ObjectNode n = comparisons.addObject();
      n.put("service", c.service());
      n.put("environment", c.environment());
      n.put("status", c.failed() ? "failed" : "changed");
      if (c.failed()) {
        ArrayNode sides = n.putArray("failedSides");
        c.failedSides().forEach(sides::add);
        ArrayNode ds = n.putArray("diagnostics");
        c.diagnostics().forEach(d -> ds.add(diagnostics.apply(d)));
        continue;
      }
      n.put("added", c.count(ObjectChange.Change.ADDED));
      n.put("removed", c.count(ObjectChange.Change.REMOVED));
      n.put("changed", c.count(ObjectChange.Change.CHANGED));
      ArrayNode objects = n.putArray("objects");
      for (ObjectChange o : c.changes()) {
        ObjectKey k = o.after() != null ? o.after() : o.before();
        ObjectNode on = objects.addObject();
        on.put("change", o.change().word());
        on.put("group", k.group());
        on.put("kind", k.kind());
        on.put("namespace", k.namespace());
        on.put("name", k.name());
        if (o.before() != null
            && o.after() != null
            && !o.before().name().equals(o.after().name())) {
          on.put("previousName", o.before().name());
        }
        on.put("diff", o.hunks());
      }
    }
    return JsonWriters.DIFF_REPORT.write(root) + "\n";
  }
}
