package dev.stonegarden.render.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The states a run interrupted at each point leaves, and what the next publish makes of them. */
class OutputTreeTest {
  @TempDir Path tmp;

  @Test
  void interruptedBetweenTheRenamesTheNextRunFinishesTheSwap() throws IOException {
    OutputTree tree = new OutputTree(tmp.resolve("out"));
    tree.publish(Map.of("a/dev.yaml", "old\n"));
    // Cut after "OUT -> .out.old", before ".out.new -> OUT": only the two hidden trees exist.
    Files.move(tmp.resolve("out"), tree.old());
    Files.createDirectories(tree.staging().resolve("a"));
    Files.writeString(tree.staging().resolve("a/dev.yaml"), "new\n");
    tree.repair();
    assertEquals("new\n", Files.readString(tmp.resolve("out/a/dev.yaml")));
    assertFalse(Files.exists(tree.old()));
    assertFalse(Files.exists(tree.staging()));
  }

  @Test
  void interruptedAfterTheRenamesTheOldTreeIsDeleted() throws IOException {
    OutputTree tree = new OutputTree(tmp.resolve("out"));
    tree.publish(Map.of("a/dev.yaml", "new\n"));
    Files.createDirectories(tree.old().resolve("a"));
    Files.writeString(tree.old().resolve("a/dev.yaml"), "old\n");
    tree.publish(Map.of("a/dev.yaml", "newer\n"));
    assertEquals("newer\n", Files.readString(tmp.resolve("out/a/dev.yaml")));
    assertFalse(Files.exists(tree.old()));
  }

  @Test
  void interruptedWhileWritingThePartialTreeIsDropped() throws IOException {
    OutputTree tree = new OutputTree(tmp.resolve("out"));
    tree.publish(Map.of("a/dev.yaml", "old\n"));
    Files.createDirectories(tree.staging().resolve("half"));
    Files.writeString(tree.staging().resolve("half/dev.yaml"), "partial");
    tree.abandon(); // what the SIGTERM hook does
    assertFalse(Files.exists(tree.staging()));
    assertEquals("old\n", Files.readString(tmp.resolve("out/a/dev.yaml")));
  }
}
