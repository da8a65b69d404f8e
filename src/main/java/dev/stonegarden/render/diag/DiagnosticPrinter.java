package dev.stonegarden.render.diag;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints diagnostics on stderr the way compilers do (google-java-format's {@code
 * formatDiagnostics}): {@code path:line:column: error: message}, then the source line and a caret
 * under the column.
 *
 * <p>Paths are printed relative to the working directory. Under Argo CD the whole stderr lands in
 * the UI's condition message, so {@link Style#COMPACT} prints one line per problem, no excerpts,
 * and at most {@value #COMPACT_LIMIT} problems followed by a count.
 */
public final class DiagnosticPrinter {
  static final int COMPACT_LIMIT = 20;
  private static final long MAX_EXCERPT_FILE_BYTES = 64L * 1024 * 1024;

  /** How much to print for each diagnostic. */
  public enum Style {
    /** The message line, the source line and a caret. */
    EXCERPTS,
    /** The message line only, capped at {@value DiagnosticPrinter#COMPACT_LIMIT} lines. */
    COMPACT
  }

  private final Path workingDirectory;
  private final Style style;
  // Files read for excerpts; only ever looked up by key, so a HashMap cannot change output order.
  private final Map<Path, List<String>> lines = new HashMap<>();

  public DiagnosticPrinter(Path workingDirectory, Style style) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.style = style;
  }

  public void print(List<Diagnostic> diagnostics, PrintWriter err) {
    int printed = 0;
    for (Diagnostic d : diagnostics) {
      if (style == Style.COMPACT && printed == COMPACT_LIMIT) {
        int rest = diagnostics.size() - printed;
        err.println("... and " + rest + " more problem" + (rest == 1 ? "" : "s"));
        break;
      }
      err.println(format(d));
      if (style == Style.EXCERPTS && d.excerpt()) {
        excerpt(d.at(), err);
      }
      printed++;
    }
    err.flush();
  }

  /** The first line of a diagnostic, with its path relative to the working directory. */
  public String format(Diagnostic d) {
    SourcePosition at = d.at();
    StringBuilder sb = new StringBuilder();
    if (at.hasFile()) {
      sb.append(displayPath(at.file()));
      if (at.line() > 0) {
        sb.append(':').append(at.line());
        if (at.column() > 0) {
          sb.append(':').append(at.column());
        }
      }
      sb.append(": ");
    }
    return sb.append(d.severity().label()).append(": ").append(d.message()).toString();
  }

  /** {@code file} relative to the working directory, with '/' separators. */
  public String displayPath(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path shown =
        abs.startsWith(workingDirectory) || sameRoot(abs) ? workingDirectory.relativize(abs) : abs;
    String s = shown.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }

  private boolean sameRoot(Path abs) {
    return abs.getRoot() != null && abs.getRoot().equals(workingDirectory.getRoot());
  }

  private void excerpt(SourcePosition at, PrintWriter err) {
    if (!at.hasFile() || at.line() == 0) {
      return;
    }
    List<String> text =
        lines.computeIfAbsent(at.file().toAbsolutePath().normalize(), DiagnosticPrinter::read);
    if (at.line() > text.size()) {
      return;
    }
    String line = text.get(at.line() - 1);
    err.println(line);
    if (at.column() > 0) {
      StringBuilder caret = new StringBuilder();
      for (int i = 0; i < at.column() - 1 && i < line.length(); i++) {
        caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
      }
      err.println(caret.append('^'));
    }
  }

  private static List<String> read(Path file) {
    try {
      // Only a regular file of a size the loader could have read (no FIFO, no device).
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_EXCERPT_FILE_BYTES) {
        return List.of();
      }
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of(); // no excerpt is better than a second error about the first one
    }
  }
}
