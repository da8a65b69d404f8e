package dev.stonegarden.render.diag;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in the user's files: the file, a 1-based line and a 1-based column (0 when unknown).
 *
 * <p>The file is kept as a path (usually absolute, as the loader resolved it); {@link
 * DiagnosticPrinter} makes it relative to the working directory when it prints, so no absolute path
 * ever reaches a user.
 */
public record SourcePosition(Path file, int line, int column)
    implements Comparable<SourcePosition> {

  public SourcePosition {
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
    }
  }

  /** A position that names only a file (line and column unknown). */
  public static SourcePosition of(Path file) {
    return new SourcePosition(file, 0, 0);
  }

  /** No file at all: a problem with the command line or the environment. */
  public static SourcePosition none() {
    return new SourcePosition(null, 0, 0);
  }

  public boolean hasFile() {
    return file != null;
  }

  @Override
  public int compareTo(SourcePosition other) {
    // Written out, not Comparator.comparing(...): the JDK's comparator factories build
    // serializable lambdas, which the JDK 25 AOT cache does not keep (docs/install.md#start-up).
    int c = fileText(this).compareTo(fileText(other));
    if (c != 0) {
      return c;
    }
    return line != other.line
        ? Integer.compare(line, other.line)
        : Integer.compare(column, other.column);
  }

  private static String fileText(SourcePosition p) {
    return p.file == null ? "" : p.file.toString();
  }

  @Override
  public String toString() {
    return Objects.toString(file, "")
        + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
  }
}
