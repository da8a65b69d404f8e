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
    quietClassPathScans();
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
    boolean terminal = interactive() && !"dumb".equals(System.getenv("TERM"));
    Invocation inv =
        new Invocation(Path.of("").toAbsolutePath(), System.getenv(), out, err, terminal);
    // Argo CD's `generate` skips picocli (see ArgoGenerate); every other command line goes through
    // it.
    WarmUp.start();
    int code = run(args, inv);
    out.flush();
    err.flush();
    if (code != 0) {
      System.exit(code);
    }
    // Success returns instead of calling System.exit: from JDK 21, Runtime.exit asks the
    // System.Logger for "java.lang.Runtime" whether to log the exit, and finding the logger backend
    // scans every jar on the class path for a LoggerFinder (about 7 ms of a render,
    // docs/install.md#start-up). The JVM ends when main returns, as every thread still running is
    // a daemon (the warm-up thread, the batch renderers).
  }

  /**
   * Keeps the libraries' service look-ups off the class path: slf4j (networknt's logging) finds its
   * provider through ServiceLoader, which opens every jar on the class path for META-INF/services
   * (about 18 ms, the single largest wait of a render's start-up, docs/install.md#start-up); named
   * by a system property it is loaded directly. slf4j reports that it did so at its INFO level, so
   * its own messages are limited to warnings. A value set on the command line wins.
   */
  static void quietClassPathScans() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
    }
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }

  /**
   * Whether the process talks to a terminal (for progress bars): on JDK 17–21 {@code
   * System.console()} is null unless stdin and stdout are terminals; from JDK 22 it always exists
   * and {@code Console.isTerminal()} says.
   */
  private static boolean interactive() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 17–21: a console exists only for a terminal
    }
  }

  /**
   * Runs one command line as the process would, the Argo CD fast path included; for tests that run
   * what plugin.yaml's argv runs without starting a process.
   */
  public static int run(String[] args, Invocation inv) {
    try {
      // Argo CD's `generate` skips picocli (see ArgoGenerate); every other command line goes
      // through it.
      return ArgoGenerate.matches(args) ? ArgoGenerate.run(args, inv) : Cli.run(args, inv);
    } catch (OutOfMemoryError e) {
      // Nothing was printed on stdout (it is written only after success), and what filled the heap
      // is garbage now: one line, exit 4 (docs/robustness.md#limits-and-memory).
      return fault(
          inv,
          "out of memory: the render needs more than the heap this JVM was given (-Xmx); the"
              + " limits and the memory budget are in docs/robustness.md");
    } catch (StackOverflowError e) {
      return fault(inv, "stack overflow: the input nests too deeply for this JVM's thread stack");
    } catch (Error e) {
      return fault(
          inv, "the JVM failed: " + (e.getMessage() == null ? "no message" : e.getMessage()));
    }
  }

  private static int fault(Invocation inv, String message) {
    inv.err().println("internal error: " + message);
    inv.err().flush();
    return ExitCode.INTERNAL;
  }
}
