package dev.stonegarden.render.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * Unified diff hunks of two texts, as {@code diff -u} prints them (three lines of context,
 * {@code @@ -a,b +c,d @@} headers, an empty range numbered one line before it). The line matching
 * is java-diff-utils' Myers diff; the hunks are ours, so their format is pinned by our tests.
 */
final class UnifiedDiff {
  static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The hunks turning {@code before} into {@code after}; empty when they are equal. */
  static String hunks(List<String> before, List<String> after) {
    List<AbstractDelta<String>> deltas = DiffUtils.diff(before, after).getDeltas();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < deltas.size()) {
      // Deltas whose context overlaps go into one hunk.
      int j = i;
      while (j + 1 < deltas.size()
          && deltas.get(j + 1).getSource().getPosition()
                  - (deltas.get(j).getSource().getPosition() + deltas.get(j).getSource().size())
              <= 2 * CONTEXT) {
        j++;
      }
      AbstractDelta<String> first = deltas.get(i);
      AbstractDelta<String> last = deltas.get(j);
      int start = Math.max(0, first.getSource().getPosition() - CONTEXT);
      int end =
          Math.min(
              before.size(), last.getSource().getPosition() + last.getSource().size() + CONTEXT);
      int offset = first.getTarget().getPosition() - first.getSource().getPosition();
      int targetStart = start + offset;
      List<String> lines = new ArrayList<>();
      int oldCount = 0;
      int newCount = 0;
      int pos = start;
      for (int k = i; k <= j; k++) {
        AbstractDelta<String> d = deltas.get(k);
        for (; pos < d.getSource().getPosition(); pos++) {
          lines.add(" " + before.get(pos));
          oldCount++;
          newCount++;
        }
        for (String l : d.getSource().getLines()) {
          lines.add("-" + l);
          oldCount++;
        }
        for (String l : d.getTarget().getLines()) {
          lines.add("+" + l);
          newCount++;
        }
        pos += d.getSource().size();
      }
      for (; pos < end; pos++) {
        lines.add(" " + before.get(pos));
        oldCount++;
        newCount++;
      }
      out.append("@@ -")
          .append(range(start, oldCount))
          .append(" +")
          .append(range(targetStart, newCount))
          .append(" @@\n");
      lines.forEach(l -> out.append(l).append('\n'));
      i = j + 1;
    }
    return out.toString();
  }

  /** Every line added (or removed): one hunk. */
  static String whole(List<String> lines, char sign) {
    StringBuilder out = new StringBuilder();
    String range = range(0, lines.size());
    out.append(sign == '+' ? "@@ -0,0 +" + range + " @@\n" : "@@ -" + range + " +0,0 @@\n");
    lines.forEach(l -> out.append(sign).append(l).append('\n'));
    return out.toString();
  }

  // diff -u: "start,count" with start 1-based; a count of 1 is left out; an empty range names the
  // line before it.
  private static String range(int start, int count) {
    if (count == 0) {
      return start + ",0";
    }
    return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
  }
}
