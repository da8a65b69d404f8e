package dev.stonegarden.render.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash|zsh}: prints a shell completion script for every command, option and fixed
 * value (docs/install.md#shell-completion). picocli's {@link AutoComplete} writes it; the same
 * script serves zsh, where it loads zsh's {@code bashcompinit} itself.
 */
@Command(
    name = CompletionCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Print a completion script for bash or zsh.",
      "In ~/.bashrc or ~/.zshrc: source <(platform-render completion bash)"
    })
final class CompletionCommand implements Callable<Integer> {
  static final String NAME = "completion";

  private final Invocation inv;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SHELL",
      completionCandidates = Shells.class,
      description = "bash or zsh.")
  String shell;

  CompletionCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    if (!Shells.ALL.contains(shell)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "unknown shell \"" + shell + "\": expected bash or zsh");
    }
    inv.out().print(AutoComplete.bash("platform-render", spec.root().commandLine()));
    return ExitCode.OK;
  }

  /** The shells, for completion and help. */
  static final class Shells implements Iterable<String> {
    static final List<String> ALL = List.of("bash", "zsh");

    @Override
    public java.util.Iterator<String> iterator() {
      return ALL.iterator();
    }
  }
}
