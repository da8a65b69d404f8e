package dev.stonegarden.render.cli;

import dev.stonegarden.render.service.Schemas;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schema service|values|platform}: prints a JSON Schema exactly as shipped, for editors
 * (docs/README.md#reference).
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema of service.yaml, values.yaml or platform.yaml.",
      "For editors: # yaml-language-server: $schema=https://platform.stonegarden.dev/schemas/service-v1alpha1.json"
    })
final class SchemaCommand implements Callable<Integer> {
  private final Invocation inv;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "KIND",
      completionCandidates = Kinds.class,
      description = "service, values or platform.")
  String kind;

  SchemaCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    Schemas schema = Schemas.byKind(kind);
    if (schema == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "unknown schema \"" + kind + "\": expected service, values or platform");
    }
    inv.out().print(schema.text());
    return ExitCode.OK;
  }

  /** The kinds, for completion and help. */
  static final class Kinds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Schemas.values()).map(Schemas::kind).iterator();
    }
  }
}
