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
  static final int EXCERPT_WIDTH = 160;
  static final int MESSAGE_LIMIT = 1_000;

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
      err.println(cap(format(d)));
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

  // One diagnostic line stays one line of reasonable length, whatever the input put into it.
  private static String cap(String line) {
    String escaped = escape(line);
    return escaped.length() <= MESSAGE_LIMIT
        ? escaped
        : escaped.substring(0, MESSAGE_LIMIT)
            + "... ("
            + (escaped.length() - MESSAGE_LIMIT)
            + " more characters)";
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
    if (at.line() > text.size() || SecretLines.hides(text, at.line())) {
      return;
    }
    String line = text.get(at.line() - 1);
    // A window of at most EXCERPT_WIDTH characters around the column, control characters escaped.
    int column = Math.max(0, Math.min(at.column() - 1, line.length()));
    int from = 0;
    int to = line.length();
    if (to > EXCERPT_WIDTH) {
      from = Math.max(0, Math.min(column - EXCERPT_WIDTH / 2, line.length() - EXCERPT_WIDTH));
      to = Math.min(line.length(), from + EXCERPT_WIDTH);
    }
    StringBuilder shown = new StringBuilder(from > 0 ? "..." : "");
    StringBuilder caret = new StringBuilder(from > 0 ? "   " : "");
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      String s = c == '\t' ? "\t" : escape(String.valueOf(c));
      shown.append(s);
      if (i < column) {
        caret.append(c == '\t' ? "\t" : " ".repeat(s.length()));
      }
    }
    if (to < line.length()) {
      shown.append("...");
    }
    err.println(shown);
    if (at.column() > 0) {
      err.println(caret.append('^'));
    }
  }

  /**
   * {@code s} with control characters escaped ({@code \n}, {@code \x1b}, ...), so that a file name,
   * a key or a source line can neither forge a diagnostic line nor send terminal escapes.
   */
  static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String e =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029
                    ? String.format(
                        java.util.Locale.ROOT, c < 0x100 ? "\\x%02x" : "\\u%04x", (int) c)
                    : null;
          };
      if (e != null && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (e != null) {
          sb.append(e);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * The lines of a file a diagnostic points into, read as for excerpts (a regular file of a size
   * the loader could have read; empty when it cannot be read): for positions inside a scalar
   * ({@code yaml.ScalarOffsets}).
   */
  public static List<String> sourceLines(Path file) {
    return read(file);
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
