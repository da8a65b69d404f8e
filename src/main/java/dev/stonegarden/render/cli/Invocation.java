package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.DiagnosticPrinter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run of the tool may touch of the outside world: the working directory, the environment
 * and the two output streams. Commands get everything through this record, never from {@code
 * System}, so tests run the whole tool in process (ARCHITECTURE.md#decisions-that-shape-the-code).
 *
 * @param workingDirectory absolute; every relative path of the command line resolves against it
 * @param env the process environment (Argo CD passes its parameters here)
 * @param errIsTerminal whether stderr is a terminal (progress bars instead of lines)
 */
public record Invocation(
    Path workingDirectory,
    Map<String, String> env,
    PrintWriter out,
    PrintWriter err,
    boolean errIsTerminal) {

  public Invocation {
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    env = Map.copyOf(env);
  }

  /** An invocation whose stderr is not a terminal (tests, pipes, CI). */
  public Invocation(
      Path workingDirectory, Map<String, String> env, PrintWriter out, PrintWriter err) {
    this(workingDirectory, env, out, err, false);
  }

  /** An environment variable, or null when unset. */
  public String getenv(String name) {
    return env.get(name);
  }

  /**
   * Under Argo CD ({@link ArgoEnvironment#underArgoCd}) the whole stderr ends up in the UI: one
   * line per problem, no excerpts.
   */
  public boolean underArgoCd() {
    return ArgoEnvironment.underArgoCd(env);
  }

  public DiagnosticPrinter printer() {
    return new DiagnosticPrinter(
        workingDirectory,
        underArgoCd() ? DiagnosticPrinter.Style.COMPACT : DiagnosticPrinter.Style.EXCERPTS);
  }

  /**
   * Prints diagnostics (warnings of a successful run, or the problems of a failed one) on stderr.
   */
  public void report(List<Diagnostic> diagnostics) {
    if (!diagnostics.isEmpty()) {
      printer().print(diagnostics, err);
    }
  }

  /** Resolves a path given on the command line against the working directory. */
  public Path resolve(String path) {
    return workingDirectory.resolve(path).normalize();
  }
}
