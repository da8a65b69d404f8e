package dev.stonegarden.render.promote;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** What {@code promote} prints: {@code workload: old → new} lines, or a pull-request body. */
public final class PromotionReport {
  private PromotionReport() {}

  /** One block per changed service: its file, then one line per workload. */
  public static String text(List<Promoter.Plan> changed, Function<Path, String> shown) {
    StringBuilder out = new StringBuilder();
    for (Promoter.Plan plan : changed) {
      out.append(shown.apply(plan.valuesFile()))
          .append(" (")
          .append(plan.service().name())
          .append(": ")
          .append(plan.source())
          .append(" → ")
          .append(plan.target())
          .append(plan.exists() ? "" : ", new file")
          .append(")\n");
      for (Promoter.Move m : plan.moves()) {
        out.append("  ")
            .append(m.workload())
            .append(": ")
            .append(m.from() == null ? "(no tag)" : m.from())
            .append(" → ")
            .append(m.to())
            .append('\n');
      }
    }
    return out.toString();
  }

  /** A pull-request body: a title, one table per service, the files changed and how to check. */
  public static String markdown(
      List<Promoter.Plan> changed,
      List<Promoter.Plan> all,
      Function<Path, String> shown,
      boolean rollback) {
    if (changed.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    Promoter.Plan first = changed.get(0);
    String services = changed.size() == 1 ? first.service().name() : changed.size() + " services";
    out.append("## ")
        .append(rollback ? "Roll back " : "Promote ")
        .append(services)
        .append(rollback ? " in " + first.target() + " to " : ": ")
        .append(rollback ? first.source() : first.source() + " → " + first.target())
        .append("\n\n");
    for (Promoter.Plan plan : changed) {
      if (changed.size() > 1) {
        out.append("### ").append(plan.service().name()).append("\n\n");
      }
      out.append("| workload | ")
          .append(plan.target())
          .append(" now | ")
          .append(plan.target())
          .append(" after |\n| --- | --- | --- |\n");
      for (Promoter.Move m : plan.moves()) {
        out.append("| `")
            .append(m.workload())
            .append("` | ")
            .append(m.from() == null ? "(no tag)" : "`" + m.from() + "`")
            .append(" | `")
            .append(m.to())
            .append("` |\n");
      }
      out.append("\n");
    }
    out.append("Files (only image tags change):\n\n");
    for (Promoter.Plan plan : changed) {
      out.append("- `")
          .append(shown.apply(plan.valuesFile()))
          .append('`')
          .append(plan.exists() ? "" : " (new)")
          .append('\n');
    }
    boolean notes = all.stream().anyMatch(p -> !p.notes().isEmpty());
    if (notes) {
      out.append("\nNotes:\n\n");
      for (Promoter.Plan plan : all) {
        for (String note : plan.notes()) {
          out.append("- ").append(plan.service().name()).append(": ").append(note).append('\n');
        }
      }
    }
    out.append(
        "\nEach changed stage was rendered and checked by `platform-render promote` before"
            + " this change was written.\n");
    return out.toString();
  }
}
