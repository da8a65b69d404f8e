package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.ParameterAnnouncement;
import dev.stonegarden.render.argocd.RepositoryRoot;
import dev.stonegarden.render.argocd.ServiceEnvironments;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cmp ...}: what Argo CD's Config Management Plugin runs besides {@code generate}
 * (docs/argocd.md#parameters).
 */
@Command(
    name = "cmp",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "Commands Argo CD's Config Management Plugin sidecar runs (see plugin.yaml).")
final class CmpCommand implements Runnable {
  private final Invocation inv;

  @Spec CommandSpec spec;

  CmpCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: cmp parameters");
  }

  /**
   * Prints the dynamic parameter announcement. A service.yaml that cannot be read still gives a
   * valid announcement (without the environment list) and exit 0: a failing command would break the
   * application's details page in the UI, and `generate` reports the problem where it matters.
   */
  @Command(
      name = "parameters",
      mixinStandardHelpOptions = true,
      description =
          "Print the dynamic parameter announcement (a JSON array) for the service in the working directory.")
  int parameters() {
    Path dir = inv.workingDirectory();
    List<String> environments;
    try {
      // Only the source path matters here: the dynamic command sees a reduced environment
      // (docs/argocd.md#how-argo-cd-passes-parameters), and a bad ARGOCD_APP_PARAMETERS must not
      // break the announcement.
      String sourcePath = inv.getenv("ARGOCD_APP_SOURCE_PATH");
      Path root;
      try {
        root =
            RepositoryRoot.find(
                dir,
                dir,
                ArgoEnvironment.from(
                    sourcePath == null ? Map.of() : Map.of("ARGOCD_APP_SOURCE_PATH", sourcePath)),
                null);
      } catch (InputException e) {
        root = dir; // platform.yaml only orders the list; look no further than the service
      }
      environments = ServiceEnvironments.read(dir, root);
    } catch (InputException e) {
      environments = null;
      inv.report(
          e.diagnostics().stream()
              .map(
                  d ->
                      new Diagnostic(
                          Severity.WARNING,
                          d.at(),
                          d.message() + " (announcing the parameters without the environment list)",
                          d.excerpt()))
              .limit(1)
              .toList());
    }
    inv.out().println(ParameterAnnouncement.json(environments));
    return ExitCode.OK;
  }
}
