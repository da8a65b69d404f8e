package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process run of {@code platform-render kustomize DIR} with a given working directory. */
record ConformanceRun(int exitCode, String stdout, String stderr) {

  static ConformanceRun run(Path workingDirectory, String buildDir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Invocation inv =
        new Invocation(
            workingDirectory,
            Map.of("ARGOCD_APP_NAME", "conformance"),
            new PrintWriter(out),
            new PrintWriter(err));
    int code = Cli.run(new String[] {"kustomize", buildDir}, inv);
    return new ConformanceRun(code, out.toString(), err.toString());
  }

  private static final Pattern OUR_WARNING =
      Pattern.compile("^(?:\\S+:\\d+:\\d+: )?warning: (.*)$");
  private static final String THEIR_WARNING = "# Warning: ";

  /**
   * The warnings of a successful run, compared with what kustomize printed ({@code
   * expected-warnings.txt}, or none when the corpus has no such file): the same messages in the
   * same order. Ours carry a position where there is one, and a source excerpt; kustomize's a
   * {@code # Warning:} prefix, or none; the message text is the same. Returns null when they agree.
   */
  String warningsDiffer(Path expectedWarnings) throws IOException {
    List<String> want = new ArrayList<>();
    if (Files.exists(expectedWarnings)) {
      for (String line : Files.readAllLines(expectedWarnings, StandardCharsets.UTF_8)) {
        if (line.startsWith(THEIR_WARNING)) {
          want.add(line.substring(THEIR_WARNING.length()));
        } else if (!line.isBlank()) {
          want.add(line); // kustomize logs some warnings without the prefix (unused vars)
        }
      }
    }
    List<String> got = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      Matcher m = OUR_WARNING.matcher(line);
      if (m.matches()) {
        got.add(m.group(1));
      }
    }
    return want.equals(got) ? null : "warnings differ: want " + want + " got " + got;
  }
}
