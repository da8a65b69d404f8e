package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.promote.AtomicWrites;
import dev.stonegarden.render.promote.Promoter;
import dev.stonegarden.render.promote.PromotionReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code promote DIR --to E}: E's values.yaml gets the image versions the stage before it runs,
 * edited in place (docs/promotion.md). Exit 0 when changed or already equal, 3 when refused.
 */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Make stage E run the images the stage before it (or F) runs: edits only the image tags of"
          + " E's values.yaml, keeping its comments and layout; renders E first and refuses (writing"
          + " nothing) when that fails.",
      "With --all, every service below ROOT that has E: all are checked before any file is"
          + " written."
    })
final class PromoteCommand implements Callable<Integer> {
  private final Invocation inv;

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description =
          "The service directory (default: the working directory); with --all, the directory"
              + " searched for services.")
  String dir = ".";

  @Option(names = "--to", required = true, paramLabel = "E", description = "The stage to change.")
  String to;

  @Option(
      names = "--from",
      paramLabel = "F",
      description = "The stage whose images E gets (default: the stage before E).")
  String from;

  @Option(names = "--all", description = "Promote every service below DIR that has stage E.")
  boolean all;

  @Option(
      names = "--force",
      description = "Allow skipping stages (dev → production) or promoting backwards.")
  boolean force;

  @Option(names = "--dry-run", description = "Print what would change; write nothing.")
  boolean dryRun;

  @Option(
      names = "--revision",
      paramLabel = "REF",
      description =
          "Roll back: E gets the images it ran at git revision REF (no stage-order check).")
  String revision;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default) or markdown (a pull-request body).")
  Format format = Format.TEXT;

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description = "The repository root (bounds file access and the search for platform.yaml).")
  String repoRoot;

  enum Format {
    TEXT,
    MARKDOWN
  }

  PromoteCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    if (revision != null && from != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--revision and --from exclude each other");
    }
    Workspace ws = Workspace.of(inv, dir, repoRoot, ArgoEnvironment.from(inv.env()));
    Path start = ws.start();
    Path root = ws.root();
    List<Path> services = all ? Promoter.servicesWith(start, root, to) : List.of(start);
    if (services.isEmpty()) {
      inv.err().println("note: no service below " + shown(start) + " has a stage " + to);
      return ExitCode.OK;
    }

    // Every plan first (each one renders E with its edit); any refusal means nothing is written.
    Promoter promoter = new Promoter();
    Problems problems = new Problems();
    List<Promoter.Plan> plans = new ArrayList<>();
    try (GitRevision old = revision == null ? null : GitRevision.checkout(root, revision)) {
      for (Path service : services) {
        problems.collect(
            () ->
                plans.add(
                    old == null
                        ? promoter.plan(service, root, to, from, force)
                        : promoter.rollback(
                            service, root, to, old.map(service), old.map(root), revision)));
      }
    }
    if (problems.hasErrors()) {
      List<Diagnostic> all = new ArrayList<>(problems.all());
      if (services.size() > 1) {
        all.add(
            Diagnostic.error(
                dev.stonegarden.render.diag.SourcePosition.none(),
                "nothing was written: every service must promote cleanly for --all to write"));
      }
      throw new InputException(all);
    }

    AtomicWrites writes = new AtomicWrites();
    for (Promoter.Plan plan : plans) {
      if (plan.changes()) {
        writes.add(plan.valuesFile(), plan.after());
      }
    }
    print(plans);
    if (!dryRun) {
      writes.commit();
    } else if (plans.stream().anyMatch(Promoter.Plan::changes)) {
      inv.err().println("note: --dry-run: nothing written");
    }
    return ExitCode.OK;
  }

  private void print(List<Promoter.Plan> plans) {
    for (Promoter.Plan plan : plans) {
      for (String note : plan.notes()) {
        inv.err().println("note: " + plan.service().name() + ": " + note);
      }
      if (!plan.changes()) {
        inv.err()
            .println(
                "note: "
                    + plan.service().name()
                    + ": "
                    + plan.target()
                    + " already runs what "
                    + plan.source()
                    + " runs; nothing to change");
      }
    }
    List<Promoter.Plan> changed = plans.stream().filter(Promoter.Plan::changes).toList();
    if (format == Format.MARKDOWN) {
      inv.out().print(PromotionReport.markdown(changed, plans, this::shown, revision != null));
    } else {
      inv.out().print(PromotionReport.text(changed, this::shown));
    }
  }

  private String shown(Path p) {
    return inv.printer().displayPath(p);
  }
}
