package dev.stonegarden.render.cli;

import dev.stonegarden.render.appset.AppSetChecks;
import dev.stonegarden.render.appset.AppSetFiles;
import dev.stonegarden.render.appset.ApplicationSetGenerator;
import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.promote.PipelineOrder;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.TypoCheck;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code validate [DIR or ROOT]}: checks every service found without printing manifests; every
 * problem of every service on stderr at once, nothing on stdout (docs/rendering.md#validate). Exit
 * 3 on any error, 0 otherwise (warnings are printed).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check the service in DIR, or every service below ROOT, and report all problems at once.")
final class ValidateCommand implements Callable<Integer> {
  private final Invocation inv;

  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description =
          "A service directory, or a directory with services below it (default: the working directory).")
  String dir = ".";

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description = "The repository root (bounds file access and the search for platform.yaml).")
  String repoRoot;

  @Option(
      names = "--strict-order",
      description =
          "A stage running a newer version than the stage before it ever ran is an error, not a"
              + " warning (for CI).")
  boolean strictOrder;

  ValidateCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    Workspace ws = Workspace.of(inv, dir, repoRoot, ArgoEnvironment.from(inv.env()));
    Path start = ws.start();
    Path root = ws.root();
    List<Path> services = ws.services();
    Problems problems = new Problems();
    int[] environments = {0};
    for (Path serviceYaml : services) {
      // One service's failure is collected, and the next service is checked all the same.
      problems.collect(
          () ->
              environments[0] +=
                  validateService(
                      serviceYaml,
                      root,
                      common.verbose() ? inv.err() : null,
                      problems,
                      strictOrder));
    }
    // The Argo CD objects of the repository (docs/appset.md#validate).
    for (Path serviceYaml : services) {
      problems.collect(() -> problems.addAll(committedApplicationSet(serviceYaml, root)));
    }
    problems.collect(
        () ->
            problems.addAll(
                AppSetChecks.pluginPaths(
                    Files.isDirectory(start) ? start : start.getParent(),
                    PlatformReader.find(Files.isDirectory(start) ? start : start.getParent(), root)
                        .argocd()
                        .plugin())));
    // A base shared by several environments reports the same problem once per environment: say it
    // once.
    List<Diagnostic> distinct = problems.all().stream().distinct().toList();
    if (problems.hasErrors()) {
      throw new InputException(distinct);
    }
    inv.report(distinct);
    // What was checked, so that success is visible (docs/rendering.md#validate).
    inv.err().println(summary(services.size(), environments[0], distinct.size()));
    return ExitCode.OK;
  }

  /** {@code 3 services, 10 environments: ok, 2 warnings}. */
  static String summary(int services, int environments, int warnings) {
    return count(services, "service")
        + ", "
        + count(environments, "environment")
        + ": ok"
        + (warnings == 0 ? "" : ", " + count(warnings, "warning"));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * A committed {@code applicationset.yaml} next to {@code serviceYaml} compared with what {@code
   * appset --write} would write; the committed file's repository URL is used when platform.yaml
   * names none.
   */
  static List<Diagnostic> committedApplicationSet(Path serviceYaml, Path root) {
    Path file = serviceYaml.getParent().resolve(AppSetFiles.APPLICATIONSET_FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    ApplicationSetGenerator.Output output =
        new ApplicationSetGenerator()
            .generate(List.of(serviceYaml), root, null, AppSetChecks.committedRepoUrl(file));
    return AppSetChecks.committedApplicationSet(
        file, AppSetFiles.applicationSetText(output.services().get(0).applicationSet()));
  }

  /**
   * Everything that is checked for one service: its service.yaml and platform.yaml, then the full
   * render of every environment (as {@code generate} would do it outside Argo CD), with {@link
   * TypoCheck} on every rendered object. Warnings go into {@code problems}; a service whose
   * service.yaml is broken is not rendered (its errors would only repeat).
   */
  static int validateService(
      Path serviceYaml, Path repoRoot, PrintWriter trace, Problems problems) {
    return validateService(serviceYaml, repoRoot, trace, problems, false);
  }

  /**
   * {@link #validateService(Path, Path, PrintWriter, Problems)}, then the pipeline order check
   * (docs/promotion.md#the-pipeline-order-check) over the environments that rendered.
   *
   * @return the number of environments checked
   */
  static int validateService(
      Path serviceYaml, Path repoRoot, PrintWriter trace, Problems problems, boolean strictOrder) {
    PlatformSettings platform = PlatformReader.find(serviceYaml.getParent(), repoRoot);
    ServiceSpec spec =
        ServiceReader.read(
            RootedFiles.at(repoRoot == null ? serviceYaml.getParent() : repoRoot),
            serviceYaml,
            platform,
            problems);
    EnvironmentRenderer renderer = new EnvironmentRenderer(trace);
    Map<String, ResourceList> rendered = new LinkedHashMap<>();
    for (ServiceSpec.Environment env : spec.environments()) {
      problems.collect(
          () -> {
            EnvironmentRenderer.Built built =
                renderer.build(spec, env, platform, repoRoot, ArgoEnvironment.none());
            rendered.put(env.name(), built.resources());
            problems.addAll(built.warnings());
            for (Resource resource : built.resources()) {
              problems.addAll(TypoCheck.check(resource));
            }
          });
    }
    problems.addAll(PipelineOrder.check(spec, platform, rendered, strictOrder));
    return spec.environments().size();
  }
}
