package dev.stonegarden.render.files;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The one loader of input files (docs/robustness.md#file-access): a file is read only when its real
 * path (symbolic links and {@code ..} resolved) lies inside the root and it is a regular file (no
 * FIFO that blocks, no device such as {@code /dev/zero}, no directory), and never more than {@link
 * #maxFileBytes()} bytes are read, whatever size the file claims ({@code /proc} files claim 0).
 *
 * <p>A refusal never quotes the file's content or where a link points.
 */
public final class RootedFiles {
  /** The default largest input file: 16 MiB (docs/robustness.md#limits-and-memory). */
  public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;

  private final Path root;
  private final long maxFileBytes;
  private final RenderBudget budget;

  private RootedFiles(Path root, long maxFileBytes, RenderBudget budget) {
    this.root = root;
    this.maxFileBytes = maxFileBytes;
    this.budget = budget;
  }

  /** Files inside {@code root} (made absolute and real; kept as given when it does not exist). */
  public static RootedFiles at(Path root) {
    Path abs = root.toAbsolutePath().normalize();
    try {
      abs = abs.toRealPath();
    } catch (IOException e) {
      // A missing root: nothing inside it exists either, and each read says so.
    }
    return new RootedFiles(abs, DEFAULT_MAX_FILE_BYTES, null);
  }

  public RootedFiles withMaxFileBytes(long value) {
    return new RootedFiles(root, value, budget);
  }

  /** Charges every byte read to {@code value}, the render's budget (null: none). */
  public RootedFiles withBudget(RenderBudget value) {
    return new RootedFiles(root, maxFileBytes, value);
  }

  /** The render's budget, or null. */
  public RenderBudget budget() {
    return budget;
  }

  /** The root, absolute and real. */
  public Path root() {
    return root;
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }

  /** Why a file was not read. */
  public enum Refusal {
    MISSING,
    OUTSIDE_ROOT,
    NOT_A_REGULAR_FILE,
    TOO_LARGE,
    /** The render's budget is spent ({@link RenderBudget}). */
    BUDGET,
    UNREADABLE
  }

  /**
   * The outcome of a read: the file's real path and bytes, or the refusal and a message that names
   * the file by {@code shown} (as the user wrote it) and nothing else.
   */
  public record Read(Path file, byte[] bytes, Refusal refusal, String problem) {
    public boolean ok() {
      return refusal == null;
    }
  }

  /** Reads {@code file}; never throws for a missing, forbidden or unreadable file. */
  public Read tryRead(Path file, String shown) {
    Path real;
    try {
      real = file.toAbsolutePath().normalize().toRealPath();
    } catch (NoSuchFileException e) {
      return refused(file, Refusal.MISSING, shown + " does not exist");
    } catch (IOException | InvalidPathException | SecurityException e) {
      return refused(file, Refusal.UNREADABLE, "cannot read " + shown);
    }
    if (!real.startsWith(root)) {
      return refused(
          file,
          Refusal.OUTSIDE_ROOT,
          shown
              + " resolves outside the repository root (a symbolic link or '..' leads out of it);"
              + " only files inside the repository are read");
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(real, BasicFileAttributes.class);
    } catch (IOException e) {
      return refused(file, Refusal.UNREADABLE, "cannot read " + shown);
    }
    if (!attrs.isRegularFile()) {
      return refused(
          file,
          Refusal.NOT_A_REGULAR_FILE,
          shown
              + " is "
              + (attrs.isDirectory()
                  ? "a directory"
                  : "not a regular file (a FIFO, socket or device)")
              + "; only regular files are read");
    }
    if (attrs.size() > maxFileBytes) {
      return tooLarge(file, shown);
    }
    try (InputStream in = Files.newInputStream(real)) {
      // Read one byte past the limit: files under /proc report a size of 0.
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxFileBytes + 1));
      if (bytes.length > maxFileBytes) {
        return tooLarge(file, shown);
      }
      if (budget != null && !budget.charge(bytes.length)) {
        return refused(file, Refusal.BUDGET, budget.exceeded());
      }
      return new Read(real, bytes, null, null);
    } catch (AccessDeniedException e) {
      return refused(file, Refusal.UNREADABLE, "permission denied reading " + shown);
    } catch (IOException e) {
      return refused(file, Refusal.UNREADABLE, "cannot read " + shown);
    }
  }

  /**
   * Reads {@code file} or throws an {@link InputException} at its first line (without an excerpt:
   * what is there is not shown).
   */
  public byte[] read(Path file, String shown) {
    Read r = tryRead(file, shown);
    if (!r.ok()) {
      throw refusal(file, r.problem());
    }
    return r.bytes();
  }

  /** Reads {@code file} as strict UTF-8 text ({@link Utf8Text#decode}). */
  public String readText(Path file, String shown) {
    return Utf8Text.decode(file, read(file, shown));
  }

  /** The error for a refused file: at its line 1, column 1, without an excerpt. */
  public static InputException refusal(Path file, String problem) {
    return new InputException(
        List.of(Diagnostic.error(new SourcePosition(file, 1, 1), problem).withoutExcerpt()));
  }

  private Read tooLarge(Path file, String shown) {
    return refused(
        file,
        Refusal.TOO_LARGE,
        shown
            + " is larger than "
            + maxFileBytes
            + " bytes, the largest file that may be read (docs/robustness.md)");
    // (The default, DEFAULT_MAX_FILE_BYTES, is sized with RenderBudget to the heap the images set.)
  }

  private static Read refused(Path file, Refusal refusal, String problem) {
    return new Read(file, null, refusal, problem);
  }
}
