package dev.stonegarden.render.yaml;

import static dev.stonegarden.render.yaml.YamlReaderTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every limit of {@link YamlLimits}: just within it works, just beyond it is a clear error. */
class YamlReaderLimitsTest {

  static YamlReader.Options with(YamlLimits limits) {
    return YamlReader.Options.resources().withLimits(limits);
  }

  /** The product's limits with another expansion factor. */
  static YamlLimits defaultsWithExpansionFactor(int factor) {
    YamlLimits d = YamlLimits.DEFAULT;
    return new YamlLimits(
        d.maxFileBytes(), d.maxDocuments(), d.maxDepth(), d.maxAliasExpansions(), factor);
  }

  /** Runs {@code r} on a thread with a small stack, so that any recursion over the input shows. */
  static void onSmallStack(Runnable r) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                r.run();
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "small-stack",
            256 * 1024);
    t.start();
    t.join();
    if (failure.get() instanceof Error) {
      throw (Error) failure.get();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  @Test
  void defaults() {
    assertEquals(new YamlLimits(16_777_216L, 50_000, 1_000, 1_000, 10), YamlLimits.DEFAULT);
  }

  @Test
  void fileSize(@TempDir Path dir) throws Exception {
    YamlLimits d = YamlLimits.DEFAULT;
    YamlLimits limits =
        new YamlLimits(
            20, d.maxDocuments(), d.maxDepth(), d.maxAliasExpansions(), d.expansionFactor());
    assertEquals(
        1, YamlReader.read(Path.of("f.yaml"), "a: 12345678901234567", with(limits)).size());
    assertEquals(
        List.of("0:0: the file is larger than 20 bytes, the largest file that may be read"),
        errors("a: 123456789012345678", with(limits)));
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, "a: ééééééééé\n", StandardCharsets.UTF_8); // 13 characters, 22 bytes
    InputException e =
        assertThrows(InputException.class, () -> YamlReader.readFile(file, with(limits)));
    assertEquals(file, e.diagnostics().get(0).at().file());
  }

  @Test
  void documentCount() {
    YamlLimits d = YamlLimits.DEFAULT;
    YamlLimits limits =
        new YamlLimits(
            d.maxFileBytes(), 3, d.maxDepth(), d.maxAliasExpansions(), d.expansionFactor());
    assertEquals(
        3, YamlReader.read(Path.of("f.yaml"), "a: 1\n---\nb: 2\n---\nc: 3\n", with(limits)).size());
    assertEquals(
        List.of("6:1: the file has more than 3 documents, the most one file may have"),
        errors("a: 1\n---\nb: 2\n---\nc: 3\n---\nd: 4\n", with(limits)));
  }

  @Test
  void deepNestingFailsCleanlyWithoutRecursion() throws Exception {
    String flow = "[".repeat(10_000) + "]".repeat(10_000);
    String flowMaps = "{a: ".repeat(10_000) + "1" + "}".repeat(10_000);
    StringBuilder block = new StringBuilder();
    // 5,000 levels (12.5 M characters): deep enough, and within the 16 MiB file limit.
    for (int i = 0; i < 5_000; i++) {
      block.append(" ".repeat(i)).append("a:\n");
    }
    onSmallStack(
        () -> {
          assertEquals(
              List.of("1:1001: mappings and sequences are nested more than 1000 levels deep"),
              errors(flow));
          assertEquals(
              List.of("1:4001: mappings and sequences are nested more than 1000 levels deep"),
              errors(flowMaps));
          assertEquals(
              List.of("1001:1001: mappings and sequences are nested more than 1000 levels deep"),
              errors(block.toString()));
        });
    // Exactly at the limit is fine, and converting it needs no deep stack either.
    String atLimit = "[".repeat(1_000) + "]".repeat(1_000);
    onSmallStack(() -> assertEquals(1, YamlReaderTest.read(atLimit).size()));
  }

  @Test
  void nestingAfterAliasExpansion() {
    String inner = "[".repeat(600) + "]".repeat(600);
    String ok = "a: &a " + inner + "\n";
    assertEquals(1, YamlReaderTest.read(ok + "b: *a\n").size());
    List<String> e = errors(ok + "b: " + "[".repeat(500) + "*a" + "]".repeat(500) + "\n");
    assertEquals(
        List.of(
            "2:504: mappings and sequences are nested more than 1000 levels deep once aliases are expanded"),
        e);
  }

  @Test
  void aliasExpansionsPerDocument() {
    String thousand = "a: &a x\nb: [" + "*a, ".repeat(999) + "*a]\n";
    assertEquals(1, YamlReaderTest.read(thousand).size());
    // The count is per document: two documents of 1,000 each are fine.
    assertEquals(2, YamlReaderTest.read(thousand + "---\n" + thousand).size());
    String tooMany = "a: &a x\nb: [" + "*a, ".repeat(1000) + "*a]\n";
    assertEquals(
        List.of(
            "2:4005: the document expands more than 1000 aliases, the most one document may use"),
        errors(tooMany));
  }

  @Test
  void expandedSize() {
    String big = "x".repeat(1000);
    String text = "a: &a " + big + "\nb: [" + "*a, ".repeat(19) + "*a]\n"; // 1,092 characters
    List<String> e = errors(text);
    assertEquals(1, e.size());
    assertTrue(e.get(0).startsWith("2:"), e.get(0));
    assertTrue(
        e.get(0).contains("aliases expand the file to more than 10 times its size"), e.get(0));
    assertEquals(
        1, YamlReader.read(Path.of("f.yaml"), text, with(defaultsWithExpansionFactor(30))).size());
    // Without aliases a file stays far below the budget, however it is written.
    String plain = "{a: [1, 2, 3], b: {c: d}, e: [], f: {}, g: ~, \"h\": 'i'}\n";
    assertEquals(
        1, YamlReader.read(Path.of("f.yaml"), plain, with(defaultsWithExpansionFactor(1))).size());
  }

  @Test
  void aliasBombEndsPromptly() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    // With a huge expansion factor the alias count stops it; with the default, the size does.
    YamlLimits noSizeLimit = defaultsWithExpansionFactor(Integer.MAX_VALUE);
    // The work is bounded by counting: 1000 alias expansions, or the expanded size.
    List<String> byCount = errors(bomb.toString(), with(noSizeLimit));
    List<String> bySize = errors(bomb.toString());
    assertTrue(byCount.get(0).contains("expands more than 1000 aliases"), byCount.get(0));
    assertTrue(bySize.get(0).contains("times its size"), bySize.get(0));
  }

  @Test
  void selfReferencingAnchor() {
    assertEquals(
        List.of("1:8: alias *a is used inside the value of its own anchor"),
        errors("a: &a [*a]\n"));
  }
}
