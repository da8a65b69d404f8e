package dev.stonegarden.render.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  @Option(names = "--verbose", description = "Trace each pipeline step on stderr.")
  boolean verbose;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  public boolean verbose() {
    return verbose;
  }

  public boolean debug() {
    return debug;
  }
}
