package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.validate.Validator;
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
    List<Path> services = ws.services();
    Validator.Result result =
        new Validator(common.verbose() ? inv.err() : null, strictOrder)
            .validate(services, ws.start(), ws.root());
    inv.report(result.warnings());
    // What was checked, so that success is visible (docs/rendering.md#validate).
    inv.err().println(summary(services.size(), result.environments(), result.warnings().size()));
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
}
