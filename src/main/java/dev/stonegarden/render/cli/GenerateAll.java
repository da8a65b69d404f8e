package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.batch.BatchRenderer;
import dev.stonegarden.render.batch.BatchRenderer.ServiceRender;
import dev.stonegarden.render.batch.OutputTree;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.generate.RenderRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code generate --all [ROOT] --output-dir OUT} (docs/ci.md): every environment of every service
 * below ROOT, rendered in parallel, written to {@code OUT/<service>/<env>.yaml} and published as a
 * whole ({@link OutputTree}); when any render fails, every problem is reported, OUT is left as it
 * was, and the exit code is 3.
 */
final class GenerateAll {
  private static final int BAR_WIDTH = 30;

  private final Invocation inv;
  private final boolean verbose;

  GenerateAll(Invocation inv, boolean verbose) {
    this.inv = inv;
    this.verbose = verbose;
  }

  int run(
      String root,
      String repoRootOption,
      String outputDir,
      RenderRequest.OutputFormat format,
      Integer threads) {
    Workspace ws = Workspace.of(inv, root, repoRootOption, ArgoEnvironment.none());
    List<Path> services = ws.services();
    Path repoRoot = ws.root();
    OutputTree tree = new OutputTree(inv.resolve(outputDir));
    tree.checkReplaceable();

    BatchRenderer batch =
        new BatchRenderer(
            repoRoot,
            format == RenderRequest.OutputFormat.JSON
                ? BatchRenderer.Output.JSON
                : BatchRenderer.Output.YAML,
            threads == null ? BatchRenderer.defaultThreads() : threads);
    List<ServiceRender> results = batch.render(services, env -> true, this::progress);
    if (inv.errIsTerminal()) {
      inv.err().println();
    }

    List<Diagnostic> diagnostics = new ArrayList<>();
    int failed = 0;
    for (ServiceRender r : results) {
      diagnostics.addAll(r.allDiagnostics());
      failed += r.failed() ? 1 : 0;
    }
    // A base shared by several environments reports one problem once per environment.
    diagnostics = diagnostics.stream().distinct().toList();
    if (failed > 0) {
      inv.report(diagnostics);
      inv.err()
          .println(
              "platform-render: "
                  + failed
                  + " of "
                  + results.size()
                  + " services failed; "
                  + outputDir
                  + " left as it was");
      return ExitCode.INVALID_INPUT;
    }

    String extension = format == RenderRequest.OutputFormat.JSON ? ".json" : ".yaml";
    Map<String, String> files = new TreeMap<>();
    for (ServiceRender r : results) {
      for (BatchRenderer.EnvironmentRender e : r.environments()) {
        files.put(r.name() + "/" + e.environment() + extension, e.text());
      }
    }
    Thread hook = new Thread(tree::abandon, "platform-render-abandon");
    Runtime.getRuntime().addShutdownHook(hook); // SIGTERM: OUT stays the old tree or the new one
    try {
      tree.publish(files);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs
      }
    }
    inv.report(diagnostics);
    if (verbose) {
      inv.err().println("platform-render: wrote " + files.size() + " files to " + outputDir);
    }
    return ExitCode.OK;
  }

  /** A bar on a terminal, else one line per service (CI logs). */
  private void progress(ServiceRender r, int done, int total) {
    String name = r.name() == null ? r.directory() : r.name();
    if (inv.errIsTerminal()) {
      int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
      inv.err()
          .print(
              "\r["
                  + "#".repeat(filled)
                  + ".".repeat(BAR_WIDTH - filled)
                  + "] "
                  + done
                  + "/"
                  + total
                  + " services");
      inv.err().flush();
      return;
    }
    inv.err()
        .println(
            "platform-render: ["
                + done
                + "/"
                + total
                + "] "
                + name
                + (r.failed()
                    ? ": failed"
                    : ": " + r.environments().size() + " environments rendered"));
  }
}
