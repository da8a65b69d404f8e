package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.RepositoryRoot;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.TypoCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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

  ValidateCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    Path start = inv.resolve(dir);
    List<Path> services = ServiceFinder.find(start);
    Path root =
        RepositoryRoot.find(
            inv.workingDirectory(),
            start,
            ArgoEnvironment.from(inv.env()),
            repoRoot == null ? null : inv.resolve(repoRoot));
    Problems problems = new Problems();
    for (Path serviceYaml : services) {
      // One service's failure is collected, and the next service is checked all the same.
      problems.collect(
          () -> validateService(serviceYaml, root, common.verbose() ? inv.err() : null, problems));
    }
    // A base shared by several environments reports the same problem once per environment: say it
    // once.
    List<Diagnostic> distinct = problems.all().stream().distinct().toList();
    if (problems.hasErrors()) {
      throw new InputException(distinct);
    }
    inv.report(distinct);
    return ExitCode.OK;
  }

  /**
   * Everything that is checked for one service: its service.yaml and platform.yaml, then the full
   * render of every environment (as {@code generate} would do it outside Argo CD), with {@link
   * TypoCheck} on every rendered object. Warnings go into {@code problems}; a service whose
   * service.yaml is broken is not rendered (its errors would only repeat).
   */
  static void validateService(
      Path serviceYaml, Path repoRoot, PrintWriter trace, Problems problems) {
    PlatformSettings platform = PlatformReader.find(serviceYaml.getParent(), repoRoot);
    ServiceSpec spec =
        ServiceReader.read(
            RootedFiles.at(repoRoot == null ? serviceYaml.getParent() : repoRoot),
            serviceYaml,
            platform,
            problems);
    EnvironmentRenderer renderer = new EnvironmentRenderer(trace);
    for (ServiceSpec.Environment env : spec.environments()) {
      problems.collect(
          () -> {
            EnvironmentRenderer.Built built =
                renderer.build(spec, env, platform, repoRoot, ArgoEnvironment.none());
            problems.addAll(built.warnings());
            for (Resource resource : built.resources()) {
              problems.addAll(TypoCheck.check(resource));
            }
          });
    }
  }
}
