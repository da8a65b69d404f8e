package dev.stonegarden.render.argocd;

import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.ExitCode;
import dev.stonegarden.render.cli.Invocation;
import dev.stonegarden.render.cli.Main;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.generate.RenderRequest;
import dev.stonegarden.render.generate.RenderResult;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process entry point of the launcher and the images: Argo CD's exact command line ({@code
 * platform-render generate}, plugin.yaml) renders without building picocli's command model;
 * everything else goes to {@link Main}.
 *
 * <p>Why: picocli's classes are Java 5 class files that the AOT cache cannot hold, and building the
 * model of every command costs more CPU than the render itself (measured with
 * bench/jvm-image-check.sh: about 170 ms of 400 ms per cold render, startup-measurements.md §6).
 * {@code CmpMainTest} keeps this path byte-for-byte equal to {@code generate} through the CLI.
 */
public final class CmpMain {
  private CmpMain() {}

  public static void main(String[] args) {
    if (!(args.length == 1 && args[0].equals("generate"))) {
      Main.main(args);
      return;
    }
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    Invocation inv = new Invocation(Path.of("").toAbsolutePath(), System.getenv(), out, err);
    int code = run(args, inv);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** {@code generate} in the working directory, as {@link Cli#run} would run it; never throws. */
  static int run(String[] args, Invocation inv) {
    RenderResult result;
    try {
      Map<String, String> env = inv.env();
      result = new EnvironmentRenderer(null).render(new RenderRequest(inv.workingDirectory(),
          inv.workingDirectory(), null, null, ArgoEnvironment.from(env), RenderRequest.OutputFormat.YAML));
    } catch (InputException e) {
      inv.report(e.diagnostics());
      inv.err().flush();
      return ExitCode.INVALID_INPUT;
    } catch (RuntimeException | StackOverflowError e) {
      // A bug: nothing has been printed yet, so let the CLI run it again and report it its way.
      return Cli.run(args, inv);
    }
    // All or nothing: stdout is written only now, after every check passed.
    inv.report(result.warnings());
    inv.out().print(result.text());
    inv.out().flush();
    inv.err().flush();
    return ExitCode.OK;
  }
}
