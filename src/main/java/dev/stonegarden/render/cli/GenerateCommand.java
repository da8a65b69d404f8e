package dev.stonegarden.render.cli;

import dev.stonegarden.render.appset.Bootstrap;
import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.RenderMode;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.generate.RenderRequest;
import dev.stonegarden.render.generate.RenderResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code generate [DIR] --env E}: render one environment of a service (docs/rendering.md). */
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

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The service directory (holds service.yaml).")
  String dir = ".";

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
