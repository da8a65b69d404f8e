package dev.stonegarden.render.cli;

import dev.stonegarden.render.kustomize.BuildOptions;
import dev.stonegarden.render.kustomize.BuildResult;
import dev.stonegarden.render.kustomize.Kustomizer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code kustomize DIR}: prints exactly what {@code kubectl kustomize DIR} (kustomize 5.5.0)
 * prints, or the problems (exit 3, nothing on stdout); deprecation warnings go to stderr.
 */
@Command(
    name = "kustomize",
    mixinStandardHelpOptions = true,
    description = "Build the kustomization in DIR like `kubectl kustomize DIR` (kustomize 5.5.0).")
final class KustomizeCommand implements Callable<Integer> {
  private final Invocation inv;

  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The kustomization directory (default: .).")
  String dir = ".";

  KustomizeCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    BuildResult result = Kustomizer.build(inv.resolve(dir), BuildOptions.defaults());
    String out = Kustomizer.sortAndWrite(result);
    inv.report(result.warnings());
    inv.out().print(out);
    return ExitCode.OK;
  }
}
