package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.RepositoryRoot;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.ValuesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
      problems.collect(() -> validateService(serviceYaml, root, problems));
    }
    if (problems.hasErrors()) {
      throw new InputException(problems.all());
    }
    inv.report(problems.all());
    return ExitCode.OK;
  }

  /**
   * Everything that is checked for one service; warnings go into {@code problems}, errors are
   * thrown as an {@link InputException} (or collected into {@code problems}).
   */
  static void validateService(Path serviceYaml, Path repoRoot, Problems problems) {
    PlatformSettings platform = PlatformReader.find(serviceYaml.getParent(), repoRoot);
    ServiceSpec spec = ServiceReader.read(serviceYaml, platform, problems);
    for (ServiceSpec.Environment env : spec.environments()) {
      problems.collect(() -> validateEnvironment(spec, env, platform, repoRoot, problems));
    }
  }

  /**
   * What is checked for one environment. For now its directory and its values.yaml; the full
   * render of the environment belongs here, with {@code TypoCheck.check} on every resource it
   * renders (fabric8 is loaded by validate only, never by generate).
   */
  static void validateEnvironment(ServiceSpec spec, ServiceSpec.Environment env, PlatformSettings platform,
      Path repoRoot, Problems problems) {
    Path dir = spec.serviceDirectory().resolve("environments").resolve(env.name());
    if (!Files.isDirectory(dir)) {
      throw new InputException(spec.sourceMap().positionOf("/spec/environments/" + env.index() + "/name"),
          "environment \"" + env.name() + "\" has no directory environments/" + env.name() + "/ next to service.yaml");
    }
    ValuesReader.read(dir.resolve(ValuesReader.FILE_NAME));
  }
}
