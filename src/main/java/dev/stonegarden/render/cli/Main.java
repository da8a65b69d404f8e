package dev.stonegarden.render.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process entry point: the only place that touches {@code System.out/err}, the environment and
 * {@code exit}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // UTF-8 whatever the platform encoding; buffered, flushed once by Cli.run.
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16));
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    Invocation inv = new Invocation(Path.of("").toAbsolutePath(), System.getenv(), out, err);
    int code = run(args, inv);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line as the process would, the Argo CD fast path included; for tests that run
   * what plugin.yaml's argv runs without starting a process.
   */
  public static int run(String[] args, Invocation inv) {
    // Argo CD's `generate` skips picocli (see ArgoGenerate); every other command line goes through
    // it.
    return ArgoGenerate.matches(args) ? ArgoGenerate.run(args, inv) : Cli.run(args, inv);
  }
}
