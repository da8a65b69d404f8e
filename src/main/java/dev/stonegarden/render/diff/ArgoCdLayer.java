package dev.stonegarden.render.diff;

import dev.stonegarden.render.appset.ApplicationSetGenerator;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.input.ParsedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * The Argo CD side of a change (docs/ci.md, "The Argo CD layer"): the ApplicationSet {@code appset}
 * generates for a service (destinations, sync policy, project, ignoreDifferences, the plugin
 * parameters) on both sides, compared like the manifests. Shown as the environment {@value #LABEL}
 * after the service's environments.
 */
final class ArgoCdLayer {
  static final String LABEL = "Argo CD";

  /**
   * Stands in for the repository URL when platform.yaml names none (appset would ask for {@code
   * --repo-url}); the same on both sides, so it never shows as a difference.
   */
  static final String NO_REPO_URL = "<repository URL>";

  private ArgoCdLayer() {}

  /**
   * The comparison of the ApplicationSets of the service in {@code dir} (relative to both roots),
   * or null when they are equal; each side's renders share the files that side's manifest renders
   * parsed ({@code baseFiles}, {@code headFiles}).
   */
  static Comparison compare(
      String name,
      String dir,
      Path baseRoot,
      Path headRoot,
      ParsedFiles baseFiles,
      ParsedFiles headFiles,
      UnaryOperator<List<Diagnostic>> baseDiagnostics) {
    Side base = generate(baseRoot, dir, baseFiles);
    Side head = generate(headRoot, dir, headFiles);
    List<String> failed = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (base.problems != null) {
      failed.add("base");
      diagnostics.addAll(baseDiagnostics.apply(base.problems));
    }
    if (head.problems != null) {
      failed.add("head");
      diagnostics.addAll(head.problems);
    }
    if (!failed.isEmpty()) {
      return new Comparison(name, LABEL, List.of(), failed, diagnostics);
    }
    List<ObjectChange> changes = ObjectDiffer.compare(base.documents, head.documents, false);
    return changes.isEmpty() ? null : new Comparison(name, LABEL, changes, List.of(), List.of());
  }

  private record Side(List<JsonNode> documents, List<Diagnostic> problems) {}

  private static Side generate(Path root, String dir, ParsedFiles parsedFiles) {
    Path file = root.resolve(dir).resolve("service.yaml");
    if (!Files.isRegularFile(file)) {
      return new Side(new ArrayList<>(), null); // the service exists on one side only
    }
    try {
      List<JsonNode> docs = new ArrayList<>();
      new ApplicationSetGenerator()
          .sharing(parsedFiles)
          .generate(List.of(file), root, null, NO_REPO_URL)
          .services()
          .forEach(s -> docs.add(s.applicationSet().deepCopy()));
      return new Side(docs, null);
    } catch (InputException e) {
      return new Side(null, e.diagnostics());
    }
  }
}
