package dev.stonegarden.render.platform;

import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.input.ParsedFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file that {@code service.yaml} names, relative to the service directory, refusing any
 * path that resolves (after {@code ..} and symbolic links) outside a root
 * (docs/rendering.md#repository-root).
 */
@FunctionalInterface
public interface SourceFiles {

  /**
   * The file's bytes.
   *
   * @param relative the path as written in service.yaml
   * @throws IOException when it cannot be read
   * @throws OutsideRootException when it resolves outside the root
   */
  byte[] read(String relative) throws IOException;

  /** Where {@code relative} lies (for diagnostics and file names); no file access. */
  default Path resolve(String relative) {
    return Path.of(relative);
  }

  /**
   * Where the renders of one run keep the files they parsed (input.ParsedFiles), or null: each
   * render parses what it reads.
   */
  default ParsedFiles parsedFiles() {
    return null;
  }

  /** Thrown for a path that leaves the root. */
  final class OutsideRootException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutsideRootException(String message) {
      super(message);
    }
  }

  /** Thrown for a file that is not a regular file, too large or unreadable: the message says so. */
  final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
      super(message);
    }
  }

  /** Files under {@code serviceDirectory}, bounded by {@code root} (the repository root). */
  static SourceFiles bounded(Path serviceDirectory, Path root) {
    // The one loader (docs/robustness.md#file-access): regular files inside the root, bounded.
    RootedFiles files = RootedFiles.at(root);
    return new SourceFiles() {
      @Override
      public byte[] read(String relative) throws IOException {
        RootedFiles.Read read = files.tryRead(resolve(relative), relative);
        if (read.ok()) {
          return read.bytes();
        }
        switch (read.refusal()) {
          case MISSING -> throw new NoSuchFileException(relative);
          case OUTSIDE_ROOT -> throw new OutsideRootException(read.problem());
          default -> throw new RefusedException(read.problem());
        }
      }

      @Override
      public Path resolve(String relative) {
        return serviceDirectory.resolve(relative).normalize();
      }
    };
  }

  /** Files under {@code serviceDirectory} only: the default when no repository root is known. */
  static SourceFiles within(Path serviceDirectory) {
    return bounded(serviceDirectory, serviceDirectory);
  }
}
