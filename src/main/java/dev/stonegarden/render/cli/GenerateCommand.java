package dev.stonegarden.render.cli;

import dev.stonegarden.render.appset.Bootstrap;
import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.RenderMode;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.generate.RenderRequest;
import dev.stonegarden.render.generate.RenderResult;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code generate [DIR] --env E}: render one environment of a service (docs/rendering.md); {@code
 * generate --all [ROOT] --output-dir OUT}: every environment of every service ({@link GenerateAll},
 * docs/ci.md).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Render one environment of the service in DIR (default: the working directory).",
      "The environment comes from --env, else Argo CD's `environment` parameter "
          + "(ARGOCD_APP_PARAMETERS, then PARAM_ENVIRONMENT), else ARGOCD_ENV_ENVIRONMENT."
    })
final class GenerateCommand implements Callable<Integer> {
  private final Invocation inv;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The service directory (holds service.yaml); with --all, the ROOT to search.")
  String dir = ".";

  @Option(
      names = "--all",
      description =
          "Render every environment of every service below ROOT into --output-dir, in parallel.")
  boolean all;

  @Option(
      names = "--output-dir",
      paramLabel = "OUT",
      description =
          "With --all: write OUT/<service>/<env>.yaml, replacing OUT as a whole (left as it was"
              + " when any render fails).")
  String outputDir;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "With --all: at most N renders at once (default: the number of cores).")
  Integer threads;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "E",
      description = "The environment to render.")
  String env;

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description =
          "The repository root that bounds every file access (default: the nearest .git ancestor).")
  String repoRoot;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "yaml (default) or json.")
  RenderRequest.OutputFormat output = RenderRequest.OutputFormat.YAML;

  GenerateCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    if (all || outputDir != null || threads != null) {
      if (!all || outputDir == null || env != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            all
                ? (outputDir == null
                    ? "--all needs --output-dir OUT"
                    : "--all renders every environment: drop --env")
                : "--output-dir and --threads go with --all");
      }
      return new GenerateAll(inv, common.verbose()).run(dir, repoRoot, outputDir, output, threads);
    }
    ArgoEnvironment argo = ArgoEnvironment.from(inv.env());
    if (RenderMode.of(argo) == RenderMode.APPLICATIONSETS && env == null) {
      // The bootstrap Application (docs/appset.md): what `appset` prints for the services below.
      inv.out()
          .print(
              Bootstrap.render(
                  inv.workingDirectory(),
                  inv.resolve(dir),
                  argo,
                  inv.getenv(Bootstrap.REPO_URL_VARIABLE)));
      return ExitCode.OK;
    }
    RenderRequest request =
        new RenderRequest(
            inv.workingDirectory(),
            inv.resolve(dir),
            env,
            repoRoot == null ? null : inv.resolve(repoRoot),
            argo,
            output);
    // Under Argo CD the argv is fixed: the plugin env entry PLATFORM_RENDER_DEBUG asks for the
    // trace.
    boolean trace = common.verbose() || ArgoEnvironment.debugRequested(inv.env());
    RenderResult result = new EnvironmentRenderer(trace ? inv.err() : null).render(request);
    // All or nothing: stdout is written only now, after every check passed.
    inv.report(result.warnings());
    inv.out().print(result.text());
    return ExitCode.OK;
  }
}
