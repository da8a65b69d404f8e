package dev.stonegarden.render.diff;

import java.util.List;

/**
 * What {@code diff} found: the comparisons that differ or failed (unchanged ones are left out), in
 * service, pipeline-stage and resource order, and how the two sides are named.
 *
 * @param baseLabel the base side: an environment, a directory or a git revision
 * @param headLabel the head side
 * @param command the command line that produced the report (for the markdown cut note)
 */
public record DiffReport(
    String baseLabel, String headLabel, String command, List<Comparison> comparisons) {

  public boolean failed() {
    return comparisons.stream().anyMatch(Comparison::failed);
  }

  public boolean differs() {
    return comparisons.stream().anyMatch(c -> !c.changes().isEmpty());
  }

  public long total(ObjectChange.Change change) {
    return comparisons.stream().mapToLong(c -> c.count(change)).sum();
  }
}
