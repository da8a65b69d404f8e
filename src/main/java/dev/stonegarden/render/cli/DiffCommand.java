package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.batch.BatchRenderer;
import dev.stonegarden.render.batch.BatchRenderer.ServiceRender;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.DiagnosticPrinter;
import dev.stonegarden.render.diff.BaseTree;
import dev.stonegarden.render.diff.Comparison;
import dev.stonegarden.render.diff.DiffReport;
import dev.stonegarden.render.diff.Differ;
import dev.stonegarden.render.diff.ReportWriter;
import dev.stonegarden.render.diff.RevisionDiff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff [DIR or ROOT]}: what changes in the rendered manifests between two environments
 * ({@code --env A --env B}), against another checkout ({@code --base DIR}) or against a git
 * revision ({@code --base-ref REF}) (docs/ci.md). Exit 0 when nothing differs, 1 when something
 * does, 3 when a render failed (the rest is still diffed and printed).
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what changes in the rendered manifests: between two environments of a service"
          + " (--env A --env B), against another checkout (--base DIR) or against a git revision"
          + " (--base-ref REF).",
      "Exit 0: no difference; 1: differences; 3: a render failed (its diagnostics on stderr)."
    })
final class DiffCommand implements Callable<Integer> {
  private final Invocation inv;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description =
          "A service directory, or a directory with services below it (default: the working"
              + " directory).")
  String dir = ".";

  @Option(
      names = {"-e", "--env"},
      paramLabel = "E",
      description = "Give twice: compare environment A (base) with B.")
  List<String> envs = new ArrayList<>();

  @Option(
      names = "--no-normalize",
      description =
          "With --env: show every difference, the namespace and environment label included.")
  boolean noNormalize;

  @Option(
      names = "--base",
      paramLabel = "DIR",
      description = "The root of another checkout to compare with (the same relative paths).")
  String base;

  @Option(
      names = "--base-ref",
      paramLabel = "REF",
      description =
          "A git revision of this repository to compare with (read with git; the working tree,"
              + " index and worktrees are not touched).")
  String baseRef;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default), markdown (a pull-request comment) or json.")
  ReportWriter.Format format = ReportWriter.Format.TEXT;

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description = "The repository root (default: the nearest .git ancestor).")
  String repoRoot;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "At most N renders at once (default: the number of cores).")
  Integer threads;

  DiffCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    int modes = (envs.isEmpty() ? 0 : 1) + (base == null ? 0 : 1) + (baseRef == null ? 0 : 1);
    if (modes != 1 || (!envs.isEmpty() && envs.size() != 2)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "diff compares one of: two environments (--env A --env B), --base DIR or --base-ref REF");
    }
    if (noNormalize && envs.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--no-normalize goes with --env A --env B");
    }
    Workspace ws = Workspace.of(inv, dir, repoRoot, ArgoEnvironment.none());
    Path start = ws.start();
    Path root = ws.root();
    int n = threads == null ? BatchRenderer.defaultThreads() : threads;
    DiffReport report;
    if (!envs.isEmpty()) {
      report = environments(ws, n);
    } else {
      try (BaseTree tree =
          base != null
              ? BaseTree.directory(inv.resolve(base), root)
              : BaseTree.gitRevision(root, baseRef)) {
        List<Comparison> comparisons =
            new RevisionDiff(common.verbose() ? inv.err() : null, n).run(start, root, tree);
        String label = base != null ? base : tree.label();
        report = new DiffReport(label, "working tree", command(), comparisons);
      }
    }
    DiagnosticPrinter printer = inv.printer();
    inv.out().print(new ReportWriter(printer::format).write(report, format));
    List<Diagnostic> problems = new ArrayList<>();
    for (Comparison c : report.comparisons()) {
      problems.addAll(c.diagnostics());
    }
    inv.report(problems.stream().distinct().toList());
    if (report.failed()) {
      return ExitCode.INVALID_INPUT;
    }
    return report.differs() ? ExitCode.DIFFERENCES : ExitCode.OK;
  }

  private DiffReport environments(Workspace ws, int n) {
    String a = envs.get(0);
    String b = envs.get(1);
    Path root = ws.root();
    List<Path> services = ws.services();
    List<ServiceRender> renders =
        new BatchRenderer(root, BatchRenderer.Output.DOCUMENTS, n)
            .render(services, Set.of(a, b)::contains, null);
    return new DiffReport(a, b, command(), Differ.environments(renders, root, a, b, !noNormalize));
  }

  /** The command line as given, for the markdown cut note. */
  private String command() {
    List<String> args =
        spec.commandLine().getParseResult() == null
            ? List.of()
            : spec.commandLine().getParseResult().originalArgs();
    return "platform-render " + String.join(" ", args);
  }
}
