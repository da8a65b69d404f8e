package dev.stonegarden.render.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code generate [DIR] --env E}: render one environment of a service (product.md §5, §6). */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Render one environment of the service in DIR (default: the working directory).")
final class GenerateCommand implements Callable<Integer> {
  private final Invocation inv;

  @Mixin CommonOptions common;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The service directory (holds service.yaml).")
  String dir = ".";

  @Option(names = {"-e", "--env"}, paramLabel = "E",
      description = "The environment; else Argo CD's `environment` parameter, else ARGOCD_ENV_ENVIRONMENT.")
  String env;

  GenerateCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("generate is being built");
  }
}
