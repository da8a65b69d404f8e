package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.generate.RenderRequest;
import dev.stonegarden.render.generate.RenderResult;
import java.io.PrintWriter;

/**
 * Argo CD's exact command line, {@code platform-render generate} (plugin.yaml), rendered without
 * building picocli's command model.
 *
 * <p>Why: picocli's classes are Java 5 class files that the AOT cache cannot hold, and building the
 * model of every command costs more CPU than the render itself: about 170 ms of 400 ms per cold
 * render, 2.9x {@code kubectl kustomize} with picocli against 1.5x without
 * (bench/jvm-image-check.sh; ARCHITECTURE.md#start-up). {@code ArgoGenerateTest} keeps this path
 * byte for byte equal to {@code generate} through {@link Cli}.
 */
final class ArgoGenerate {
  private ArgoGenerate() {}

  /** Whether {@code args} is the command line plugin.yaml gives Argo CD. */
  static boolean matches(String[] args) {
    return args.length == 1 && args[0].equals("generate");
  }

  /** {@code generate} in the working directory, as {@link Cli#run} would run it; never throws. */
  static int run(String[] args, Invocation inv) {
    RenderResult result;
    try {
      // PLATFORM_RENDER_DEBUG in the Application's plugin env: trace the steps on stderr, as
      // --verbose does.
      PrintWriter trace = ArgoEnvironment.debugRequested(inv.env()) ? inv.err() : null;
      result =
          new EnvironmentRenderer(trace)
              .render(
                  new RenderRequest(
                      inv.workingDirectory(),
                      inv.workingDirectory(),
                      null,
                      null,
                      ArgoEnvironment.from(inv.env()),
                      RenderRequest.OutputFormat.YAML));
    } catch (InputException e) {
      inv.report(e.diagnostics());
      inv.err().flush();
      return ExitCode.INVALID_INPUT;
    } catch (RuntimeException e) {
      // A bug: nothing has been printed yet, so let the CLI run it again and report it its way.
      return Cli.run(args, inv);
    }
    // All or nothing: stdout is written only now, after every check passed.
    inv.report(result.warnings());
    inv.out().print(result.text());
    return Cli.finish(ExitCode.OK, inv);
  }
}
