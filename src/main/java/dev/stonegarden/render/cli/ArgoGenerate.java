package dev.stonegarden.render.cli;

import dev.stonegarden.render.appset.Bootstrap;
import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.RenderMode;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.generate.RenderRequest;
import dev.stonegarden.render.generate.RenderResult;
import java.io.PrintWriter;

/**
 * {@code generate} in its plain forms, rendered without building picocli's command model: Argo CD's
 * exact command line, {@code platform-render generate} (plugin.yaml), and the everyday CLI form
 * {@code generate [--env E] [DIR]} (also {@code -e E}, {@code --env=E}). Every other command line,
 * including any other option of {@code generate}, goes through {@link Cli}.
 *
 * <p>Why: picocli's classes are Java 5 class files that the AOT cache cannot hold, and building the
 * model of every command costs more CPU than the render itself: about 170 ms of 400 ms per cold
 * render, 2.9x {@code kubectl kustomize} with picocli against 1.5x without
 * (bench/jvm-image-check.sh, bench/startup.sh; ARCHITECTURE.md#start-up). {@code ArgoGenerateTest}
 * keeps this path byte for byte equal to {@code generate} through {@link Cli}.
 */
final class ArgoGenerate {
  private ArgoGenerate() {}

  /** Whether {@code args} is a plain form of {@code generate} (see the class comment). */
  static boolean matches(String[] args) {
    return parse(args) != null;
  }

  /**
   * {@code {env, dir}} of a plain form (either may be null), or null for any other command line.
   */
  static String[] parse(String[] args) {
    if (args.length == 0 || !args[0].equals("generate")) {
      return null;
    }
    String env = null;
    String dir = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String value = null;
      if ((a.equals("--env") || a.equals("-e")) && i + 1 < args.length) {
        value = args[++i];
      } else if (a.startsWith("--env=")) {
        value = a.substring("--env=".length());
      } else if (!a.startsWith("-") && !a.isEmpty() && dir == null) {
        dir = a;
        continue;
      } else {
        return null;
      }
      // picocli would take "-x" for an option, and a second --env for an error: its own words.
      if (env != null || value.isEmpty() || value.startsWith("-")) {
        return null;
      }
      env = value;
    }
    return new String[] {env, dir};
  }

  /** A plain {@code generate}, as {@link Cli#run} would run it; never throws. */
  static int run(String[] args, Invocation inv) {
    String[] parsed = parse(args);
    String env = parsed == null ? null : parsed[0];
    String dir = parsed == null || parsed[1] == null ? "." : parsed[1];
    RenderResult result;
    try {
      // PLATFORM_RENDER_DEBUG in the Application's plugin env: trace the steps on stderr, as
      // --verbose does.
      PrintWriter trace = ArgoEnvironment.debugRequested(inv.env()) ? inv.err() : null;
      ArgoEnvironment argo = ArgoEnvironment.from(inv.env());
      if (RenderMode.of(argo) == RenderMode.APPLICATIONSETS) {
        String text =
            Bootstrap.render(
                inv.workingDirectory(),
                inv.workingDirectory(),
                argo,
                inv.getenv(Bootstrap.REPO_URL_VARIABLE));
        inv.out().print(text);
        inv.out().flush();
        inv.err().flush();
        return ExitCode.OK;
      }
      result =
          new EnvironmentRenderer(trace)
              .render(
                  new RenderRequest(
                      inv.workingDirectory(),
                      inv.resolve(dir),
                      env,
                      null,
                      argo,
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
