package dev.stonegarden.render.platform;

import java.io.IOException;
import java.nio.file.Files;
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

  /** Thrown for a path that leaves the root. */
  final class OutsideRootException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutsideRootException(String message) {
      super(message);
    }
  }

  /** Files under {@code serviceDirectory}, bounded by {@code root} (the repository root). */
  static SourceFiles bounded(Path serviceDirectory, Path root) {
    return new SourceFiles() {
      @Override
      public byte[] read(String relative) throws IOException {
        Path file = resolve(relative);
        Path realRoot = root.toRealPath();
        Path real = file.toRealPath();
        if (!real.startsWith(realRoot)) {
          throw new OutsideRootException(relative + " resolves outside the repository root");
        }
        return Files.readAllBytes(real);
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
