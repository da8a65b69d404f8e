package dev.stonegarden.render.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The states a run interrupted at each point leaves, and what the next publish makes of them. */
class OutputTreeTest {
  @TempDir Path tmp;

  /** The staging tree and the old tree's place beside OUT, as docs/ci.md names them. */
  private Path staging;

  private Path old;

  @BeforeEach
  void hiddenTreesBesideOut() {
    staging = tmp.resolve(".out.new");
    old = tmp.resolve(".out.old");
  }

  @Test
  void interruptedBetweenTheRenamesTheNextRunFinishesTheSwap() throws IOException {
    OutputTree tree = new OutputTree(tmp.resolve("out"));
    tree.publish(Map.of("a/dev.yaml", "old\n"));
    // Cut after "OUT -> .out.old", before ".out.new -> OUT": only the two hidden trees exist.
    Files.move(tmp.resolve("out"), old);
    Files.createDirectories(staging.resolve("a"));
    Files.writeString(staging.resolve("a/dev.yaml"), "new\n");
    tree.repair();
    assertEquals("new\n", Files.readString(tmp.resolve("out/a/dev.yaml")));
    assertFalse(Files.exists(old));
    assertFalse(Files.exists(staging));
  }

  @Test
  void interruptedAfterTheRenamesTheOldTreeIsDeleted() throws IOException {
    OutputTree tree = new OutputTree(tmp.resolve("out"));
    tree.publish(Map.of("a/dev.yaml", "new\n"));
    Files.createDirectories(old.resolve("a"));
    Files.writeString(old.resolve("a/dev.yaml"), "old\n");
    tree.publish(Map.of("a/dev.yaml", "newer\n"));
    assertEquals("newer\n", Files.readString(tmp.resolve("out/a/dev.yaml")));
    assertFalse(Files.exists(old));
  }

  @Test
  void interruptedWhileWritingThePartialTreeIsDropped() throws IOException {
    OutputTree tree = new OutputTree(tmp.resolve("out"));
    tree.publish(Map.of("a/dev.yaml", "old\n"));
    Files.createDirectories(staging.resolve("half"));
    Files.writeString(staging.resolve("half/dev.yaml"), "partial");
    tree.abandon(); // what the SIGTERM hook does
    assertFalse(Files.exists(staging));
    assertEquals("old\n", Files.readString(tmp.resolve("out/a/dev.yaml")));
  }
}
