package dev.stonegarden.render.cli;

import java.util.List;

/** Every subcommand, in the order {@code --help} lists them. Add new commands here. */
final class Commands {
  private Commands() {}

  static List<Object> all(Invocation inv) {
    return List.of(
        new GenerateCommand(inv),
        new CmpCommand(inv),
        new SchemaCommand(inv),
        new ValidateCommand(inv),
        new AppsetCommand(inv),
        new DiffCommand(inv),
        new KustomizeCommand(inv),
        new PromoteCommand(inv),
        new NewCommand(inv),
        new KargoCommand(inv),
        new CompletionCommand(inv));
  }
}
