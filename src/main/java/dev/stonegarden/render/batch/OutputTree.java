package dev.stonegarden.render.batch;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The output directory of {@code generate --all}, replaced as a whole (docs/ci.md, "generate
 * --all"): the new tree is written to {@code .OUT.new} beside OUT, then OUT is renamed to {@code
 * .OUT.old}, {@code .OUT.new} to OUT, and {@code .OUT.old} is deleted. Readers see the old tree or
 * the new one, never a mix, and no stale file survives. A run interrupted between the two renames
 * leaves no OUT but a complete {@code .OUT.new}: the next publish finishes that swap first (and a
 * leftover {@code .OUT.old} beside a present OUT is deleted). Nothing is touched until {@link
 * #publish} is called, so a failed run leaves OUT as it was.
 */
public final class OutputTree {
  private final Path out;
  private final Path staging;
  private final Path old;
  private final Object swap = new Object();

  /** Set by {@link #abandon} (the shutdown hook); guarded by {@code swap}. */
  private boolean abandoned;

  public OutputTree(Path out) {
    this.out = out.toAbsolutePath().normalize();
    Path parent = this.out.getParent();
    String name = this.out.getFileName().toString();
    this.staging = parent.resolve("." + name + ".new");
    this.old = parent.resolve("." + name + ".old");
  }

  /**
   * Refuses an OUT that holds anything but a previous output (directories of .yaml and .json
   * files): replacing it would delete someone's files.
   */
  public void checkReplaceable() {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new InputException(SourcePosition.of(out), "--output-dir is a file, not a directory");
    }
    try (Stream<Path> all = Files.walk(out)) {
      Path foreign =
          all.filter(p -> !p.equals(out))
              .filter(
                  p -> {
                    int depth = out.relativize(p).getNameCount();
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                      return depth != 1;
                    }
                    String n = p.getFileName().toString();
                    return depth != 2 || !(n.endsWith(".yaml") || n.endsWith(".json"));
                  })
              .sorted()
              .findFirst()
              .orElse(null);
      if (foreign != null) {
        throw new InputException(
            SourcePosition.of(out),
            "--output-dir holds files generate --all did not write (e.g. "
                + out.relativize(foreign).toString().replace('\\', '/')
                + "): it replaces the whole directory, so choose an empty or new one");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code files} (paths relative to OUT, '/'-separated, to their text) as the new OUT.
   *
   * @throws UncheckedIOException when the file system refuses; OUT is then as it was
   */
  public void publish(Map<String, String> files) {
    try {
      repair();
      // Every write holds the lock and checks abandoned: once abandon() has deleted the partial
      // tree, no write of this thread can create it again before the process ends.
      synchronized (swap) {
        if (abandoned) {
          return;
        }
        deleteTree(staging);
        Files.createDirectories(staging);
      }
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = staging.resolve(f.getKey()).normalize();
        if (!target.startsWith(staging)) {
          throw new IllegalArgumentException("output path escapes OUT: " + f.getKey());
        }
        synchronized (swap) {
          if (abandoned) {
            return;
          }
          Files.createDirectories(target.getParent());
          Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
      }
      synchronized (swap) {
        if (abandoned) {
          return;
        }
        if (Files.exists(out)) {
          Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      }
      deleteTree(old);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Finishes or undoes what an interrupted run left: a complete new tree whose swap was cut between
   * the renames is moved into place; a partial new tree and an old tree beside OUT are deleted.
   */
  public void repair() throws IOException {
    synchronized (swap) {
      if (Files.exists(old)) {
        if (!Files.exists(out)) {
          // .new is complete once .old exists (OUT is renamed only after .new was written).
          Files.move(Files.exists(staging) ? staging : old, out, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(old);
      }
    }
    deleteTree(staging);
  }

  /**
   * Called when the process is terminated: waits for a swap in progress (two renames) to finish,
   * then removes the partial new tree, so OUT is the old tree or the new one.
   */
  public void abandon() {
    synchronized (swap) {
      abandoned = true;
      try {
        deleteTree(staging);
      } catch (IOException e) {
        // the next run's repair() deletes it
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
