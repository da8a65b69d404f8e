package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.RepositoryRoot;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.generate.RenderRequest;
import dev.stonegarden.render.generate.RenderResult;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.TypoCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code validate [DIR or ROOT]}: checks every service found without printing manifests; every
 * problem of every service on stderr at once, nothing on stdout (product.md §6). Exit 3 on any
 * error, 0 otherwise (warnings are printed).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the service in DIR, or every service below ROOT, and report all problems at once.")
final class ValidateCommand implements Callable<Integer> {
  private final Invocation inv;

  @Mixin CommonOptions common;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
      description = "A service directory, or a directory with services below it (default: the working directory).")
  String dir = ".";

  @Option(names = "--repo-root", paramLabel = "DIR",
      description = "The repository root (bounds file access and the search for platform.yaml).")
  String repoRoot;

  ValidateCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    Path start = inv.resolve(dir);
    List<Path> services = ServiceFinder.find(start);
    Path root = RepositoryRoot.find(inv.workingDirectory(), start, ArgoEnvironment.from(inv.env()),
        repoRoot == null ? null : inv.resolve(repoRoot));
    Problems problems = new Problems();
    for (Path serviceYaml : services) {
      // One service's failure is collected, and the next service is checked all the same.
      problems.collect(() -> validateService(inv.workingDirectory(), serviceYaml, root, common.verbose() ? inv.err() : null, problems));
    }
    // Environments built on one base report its problems once each; say each once.
    List<Diagnostic> all = problems.all().stream().distinct().toList();
    if (problems.hasErrors()) {
      throw new InputException(all);
    }
    inv.report(all);
    return ExitCode.OK;
  }

  /**
   * Everything that is checked for one service: its service.yaml (and platform.yaml), then every
   * environment. Warnings go into {@code problems}; errors are thrown as an {@link
   * InputException} or, per environment, collected into {@code problems}.
   */
  static void validateService(Path workingDirectory, Path serviceYaml, Path repoRoot, PrintWriter trace, Problems problems) {
    PlatformSettings platform = PlatformReader.find(serviceYaml.getParent(), repoRoot);
    ServiceSpec spec = ServiceReader.read(serviceYaml, platform, problems);
    for (ServiceSpec.Environment env : spec.environments()) {
      problems.collect(() -> validateEnvironment(workingDirectory, spec, env, repoRoot, trace, problems));
    }
  }

  /**
   * One environment: the whole render of {@code generate} (without printing it), then the typo
   * check of every built-in object it renders (fabric8 is loaded here, never by generate). Run
   * as by hand: Argo CD's variables are not consulted, since they name one environment only.
   */
  static void validateEnvironment(Path workingDirectory, ServiceSpec spec, ServiceSpec.Environment env, Path repoRoot,
      PrintWriter trace, Problems problems) {
    RenderRequest request = new RenderRequest(workingDirectory, spec.serviceDirectory(), env.name(), repoRoot,
        ArgoEnvironment.from(Map.of()), RenderRequest.OutputFormat.YAML);
    List<Diagnostic> typos = new ArrayList<>();
    RenderResult result = new EnvironmentRenderer(trace, resources -> {
      for (Resource r : resources.asList()) {
        typos.addAll(TypoCheck.check(r));
      }
    }).render(request);
    problems.addAll(result.warnings());
    problems.addAll(typos);
  }
}
