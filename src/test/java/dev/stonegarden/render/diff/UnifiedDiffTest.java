package dev.stonegarden.render.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hunks are diff -u's: headers, context, and they turn one text into the other. */
class UnifiedDiffTest {
  @Test
  void oneChangedLineWithThreeLinesOfContext() {
    List<String> before = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    List<String> after = List.of("a", "b", "c", "d", "E", "f", "g", "h");
    assertEquals(
        "@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n", UnifiedDiff.hunks(before, after));
  }

  @Test
  void distantChangesAreTwoHunksCloseOnesOne() {
    List<String> before = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      before.add("l" + i);
    }
    List<String> after = new ArrayList<>(before);
    after.set(1, "X"); // line 2
    after.set(17, "Y"); // line 18
    assertEquals(
        "@@ -1,5 +1,5 @@\n l1\n-l2\n+X\n l3\n l4\n l5\n"
            + "@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+Y\n l19\n l20\n",
        UnifiedDiff.hunks(before, after));
    // As diff -u: changes with at most 6 unchanged lines between them share a hunk, 7 do not.
    List<String> seven = new ArrayList<>(before);
    seven.set(1, "X"); // line 2
    seven.set(9, "Z"); // line 10: lines 3-9 unchanged
    assertEquals(2, hunkCount(before, seven));
    List<String> six = new ArrayList<>(before);
    six.set(1, "X");
    six.set(8, "Z"); // line 9: lines 3-8 unchanged
    assertEquals(1, hunkCount(before, six));
  }

  private static long hunkCount(List<String> before, List<String> after) {
    return UnifiedDiff.hunks(before, after).lines().filter(l -> l.startsWith("@@")).count();
  }

  @Test
  void wholeObjectsAddedOrRemoved() {
    assertEquals("@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.whole(List.of("a", "b"), '+'));
    assertEquals("@@ -1 +0,0 @@\n-a\n", UnifiedDiff.whole(List.of("a"), '-'));
  }

  @Test
  void applyingTheHunksGivesTheOtherText() {
    Random random = new Random(13);
    for (int round = 0; round < 500; round++) {
      List<String> before = randomLines(random);
      List<String> after = new ArrayList<>(before);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int op = random.nextInt(3);
        if (op == 0 || after.isEmpty()) {
          after.add(random.nextInt(after.size() + 1), "new" + random.nextInt(5));
        } else if (op == 1) {
          after.remove(random.nextInt(after.size()));
        } else {
          after.set(random.nextInt(after.size()), "changed" + random.nextInt(5));
        }
      }
      String hunks = UnifiedDiff.hunks(before, after);
      assertEquals(after, apply(before, hunks), "round " + round + ":\n" + hunks);
    }
  }

  private static List<String> randomLines(Random random) {
    List<String> lines = new ArrayList<>();
    int n = random.nextInt(30);
    for (int i = 0; i < n; i++) {
      lines.add("line" + random.nextInt(8));
    }
    return lines;
  }

  /** A strict patch: every context and removed line must be where the header says. */
  static List<String> apply(List<String> before, String hunks) {
    List<String> out = new ArrayList<>();
    int pos = 0; // next line of before to copy
    List<String> lines = hunks.lines().toList();
    int i = 0;
    while (i < lines.size()) {
      String h = lines.get(i++);
      String old = h.substring(4, h.indexOf(' ', 4));
      int start = Integer.parseInt(old.contains(",") ? old.substring(0, old.indexOf(',')) : old);
      int count = old.contains(",") ? Integer.parseInt(old.substring(old.indexOf(',') + 1)) : 1;
      int from = count == 0 ? start : start - 1;
      while (pos < from) {
        out.add(before.get(pos++));
      }
      while (i < lines.size() && !lines.get(i).startsWith("@@")) {
        String l = lines.get(i++);
        char sign = l.charAt(0);
        String text = l.substring(1);
        if (sign == '+') {
          out.add(text);
        } else {
          assertEquals(before.get(pos), text, "context or removed line " + (pos + 1));
          pos++;
          if (sign == ' ') {
            out.add(text);
          }
        }
      }
    }
    while (pos < before.size()) {
      out.add(before.get(pos++));
    }
    return out;
  }
}
