package dev.stonegarden.render.cli;

import dev.stonegarden.render.appset.AppSetFiles;
import dev.stonegarden.render.appset.ApplicationSetGenerator;
import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.yaml.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code appset [DIR or ROOT] [--repo-url URL] [--write]}: the Argo CD ApplicationSet of each
 * service and the AppProject of each team (docs/appset.md).
 */
@Command(
    name = "appset",
    mixinStandardHelpOptions = true,
    description = {
      "Print the Argo CD ApplicationSet of the service in DIR, or of every service below ROOT,"
          + " and the AppProject of each team.",
      "Every environment is rendered to compute what its Application needs; any problem fails"
          + " the whole run and nothing is printed."
    })
final class AppsetCommand implements Callable<Integer> {
  private final Invocation inv;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description =
          "A service directory, or a directory with services below it (default: the working directory).")
  String dir = ".";

  @Option(
      names = "--repo-url",
      paramLabel = "URL",
      description = "The Git repository the Applications read (overrides argocd.repoURL).")
  String repoUrl;

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description = "The repository root (default: the nearest .git ancestor).")
  String repoRoot;

  @Option(
      names = "--write",
      description =
          "Write <service dir>/applicationset.yaml (and, for ROOT, teams/<team>/appproject.yaml)"
              + " instead of printing.")
  boolean write;

  AppsetCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    Workspace ws = Workspace.of(inv, dir, repoRoot, ArgoEnvironment.from(inv.env()));
    Path start = ws.start();
    Path root = ws.root();
    List<Path> services = ws.services();
    if (repoUrl == null) {
      List<String> missing = ApplicationSetGenerator.withoutRepoUrl(services, root);
      if (!missing.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "no repository URL for the Applications of "
                + String.join(", ", missing)
                + ": pass --repo-url URL, or set spec.argocd.repoURL in platform.yaml");
      }
    }
    ApplicationSetGenerator.Output output =
        ApplicationSetGenerator.traced(common.verbose() ? inv.err() : null)
            .generate(services, root, repoUrl, null);
    if (!write) {
      inv.out().print(YamlWriter.write(output.documents()).value());
      return ExitCode.OK;
    }
    boolean oneService = Files.isRegularFile(start.resolve(ServiceFinder.FILE_NAME));
    Map<Path, String> files = AppSetFiles.files(output, oneService ? null : start);
    for (Map.Entry<Path, String> f : files.entrySet()) {
      try {
        Files.createDirectories(f.getKey().getParent());
        Files.writeString(f.getKey(), f.getValue());
      } catch (IOException e) {
        throw new InputException(
            SourcePosition.of(f.getKey()), "cannot write: " + e.getClass().getSimpleName());
      }
      inv.err().println("wrote " + shown(f.getKey()));
    }
    return ExitCode.OK;
  }

  private String shown(Path p) {
    return inv.workingDirectory()
        .relativize(p.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }
}
