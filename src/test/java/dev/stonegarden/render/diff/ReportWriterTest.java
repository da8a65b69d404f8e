package dev.stonegarden.render.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The markdown comment stays within GitHub's limit and says where it was cut. */
class ReportWriterTest {
  static final Path EXPECTED = Path.of(System.getProperty("fixtures.dir", "test-fixtures"), "diff");

  private static DiffReport report(int objects, int linesEach) {
    List<ObjectChange> changes = new ArrayList<>();
    for (int i = 0; i < objects; i++) {
      ObjectKey k =
          new ObjectKey(
              "", "v1", "ConfigMap", "shop", String.format(java.util.Locale.ROOT, "cm-%03d", i));
      StringBuilder hunks = new StringBuilder("@@ -1," + linesEach + " +1," + linesEach + " @@\n");
      for (int l = 0; l < linesEach; l++) {
        hunks.append(l % 2 == 0 ? "-" : "+").append("  key").append(l).append(": value\n");
      }
      changes.add(new ObjectChange(ObjectChange.Change.CHANGED, k, k, hunks.toString(), k));
    }
    return new DiffReport(
        "main",
        "working tree",
        "platform-render diff --base-ref main --format markdown",
        List.of(new Comparison("shop", "production", changes, List.of(), List.of())));
  }

  @Test
  void aCommentTooLongIsCutBeforeTheLimitWithANote() {
    ReportWriter writer = new ReportWriter(d -> d.message());
    String full = writer.markdown(report(3, 4), ReportWriter.COMMENT_LIMIT);
    assertTrue(full.contains("cm-002"), full);
    assertTrue(!full.contains("Cut here"), full);

    // 400 objects of 200 lines each: far over the limit.
    String cut = writer.write(report(400, 200), ReportWriter.Format.MARKDOWN);
    assertTrue(cut.length() <= ReportWriter.COMMENT_LIMIT, "length " + cut.length());
    assertTrue(cut.length() > ReportWriter.COMMENT_LIMIT - 4_000, "length " + cut.length());
    assertTrue(cut.startsWith(ReportWriter.MARKER + "\n"), cut.substring(0, 60));
    // The summary table is whole; the blocks stop at a block boundary, then the note.
    assertTrue(cut.contains("| shop | production | 0 | 0 | 400 |"), cut.substring(0, 400));
    int shown = (int) cut.lines().filter(l -> l.startsWith("<details>")).count();
    assertEquals(shown, (int) cut.lines().filter(l -> l.equals("</details>")).count());
    assertTrue(
        cut.endsWith(
            "> **Cut here**: "
                + (400 - shown)
                + " more blocks did not fit in one comment (65536 characters). Run"
                + " `platform-render diff --base-ref main --format markdown` for the whole diff.\n"),
        cut.substring(cut.length() - 300));
  }

  @Test
  void aSmallLimitCutsAfterTheBlocksThatFit() throws IOException {
    ReportWriter writer = new ReportWriter(d -> d.message());
    String text = writer.markdown(report(5, 2), 800);
    assertTrue(text.length() <= 800, text);
    assertTrue(text.contains("cm-000"), text);
    assertTrue(!text.contains("cm-004"), text);
    int shown = (int) text.lines().filter(l -> l.startsWith("<details>")).count();
    assertTrue(text.contains("**Cut here**: " + (5 - shown) + " more blocks did not fit"), text);
    assertEquals(Files.readString(EXPECTED.resolve("markdown-cut.md")), text);
  }
}
