package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.InputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Wires picocli once: the command tree, the streams, and the mapping of failures to exit codes
 * (jbang's {@code getCommandLine} pattern). {@code Main} and the tests both go through {@link
 * #run}.
 */
public final class Cli {
  private Cli() {}

  /** The top-level command: only {@code --help}, {@code --version} and the subcommands. */
  @Command(
      name = "platform-render",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Renders a service's environments into Kubernetes and Argo Rollouts manifests.",
      synopsisSubcommandLabel = "COMMAND")
  static final class Top implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
  }

  /** Runs one command line and returns its exit code; never throws. */
  public static int run(String[] args, Invocation inv) {
    CommandLine cl = commandLine(inv, args.length == 0 ? null : args[0]);
    return finish(cl.execute(args), inv);
  }

  /**
   * Flushes both streams and turns a failed write to stdout into exit 4 with one line: {@code
   * PrintWriter} swallows the {@code IOException} of a full disk, a closed or broken pipe or a file
   * size limit, and a cut stream with exit 0 is what Argo CD and CI must never see
   * (docs/robustness.md).
   */
  static int finish(int code, Invocation inv) {
    inv.out().flush();
    if (inv.out().checkError()) {
      inv.err()
          .println(
              "error: cannot write the output to stdout (closed, full or over a file size limit);"
                  + " what was written is incomplete");
      code = ExitCode.INTERNAL;
    }
    inv.err().flush();
    return code;
  }

  /** The configured command tree (exposed for completion scripts and tests). */
  public static CommandLine commandLine(Invocation inv) {
    return commandLine(inv, null);
  }

  /**
   * The command tree for a command line whose first word is {@code first}: when that names a
   * subcommand, the tree holds that one alone (picocli reflects over every subcommand it is given:
   * the whole tree cost 55 ms of start-up, a fifth of a small {@code generate --all}); else, and
   * for {@code completion}, which prints the whole tree, every subcommand.
   */
  static CommandLine commandLine(Invocation inv, String first) {
    CommandLine cl = new CommandLine(new Top());
    List<Object> commands = Commands.all(inv);
    Object only = null;
    for (Object command : commands) {
      String name = command.getClass().getAnnotation(Command.class).name();
      if (name.equals(first) && !name.equals(CompletionCommand.NAME)) {
        only = command;
      }
    }
    // Subcommands, in the order `--help` lists them.
    for (Object command : only != null ? List.of(only) : commands) {
      cl.addSubcommand(command);
    }
    cl.setOut(inv.out());
    cl.setErr(inv.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, commandLine, inv));
    return cl;
  }

  private static int handle(Exception ex, CommandLine commandLine, Invocation inv) {
    if (ex instanceof InputException input) {
      inv.report(input.diagnostics());
      return ExitCode.INVALID_INPUT;
    }
    if (ex instanceof CommandLine.ParameterException pe) {
      inv.err().println("error: " + pe.getMessage());
      return ExitCode.USAGE;
    }
    inv.err()
        .println(
            String.format(
                Locale.ROOT,
                "internal error: %s%s; rerun with --debug (under Argo CD: plugin env"
                    + " PLATFORM_RENDER_DEBUG=1) for details",
                ex.getClass().getSimpleName(),
                ex.getMessage() == null ? "" : ": " + ex.getMessage()));
    if (debug(commandLine) || ArgoEnvironment.debugRequested(inv.env())) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      inv.err().print(trace);
    }
    return ExitCode.INTERNAL;
  }

  private static boolean debug(CommandLine commandLine) {
    return commandLine.getParseResult() != null
        && commandLine.getParseResult().originalArgs().contains("--debug");
  }
}
