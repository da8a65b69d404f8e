package dev.stonegarden.render.generate;

import dev.stonegarden.render.argocd.EnvironmentResolver;
import dev.stonegarden.render.argocd.RepositoryRoot;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.BuildOptions;
import dev.stonegarden.render.kustomize.BuildResult;
import dev.stonegarden.render.kustomize.Kustomizer;
import dev.stonegarden.render.platform.PlatformContext;
import dev.stonegarden.render.platform.PlatformStage;
import dev.stonegarden.render.platform.SourceFiles;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.service.ValuesReader;
import dev.stonegarden.render.yaml.JsonStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Renders one environment of one service (product.md §5). The steps below are the whole program,
 * in order; each names the class that does the work.
 */
public final class EnvironmentRenderer {
  static final String SERVICE_FILE = "service.yaml";
  static final String VALUES_FILE = "values.yaml";

  private final PrintWriter trace;
  private final Consumer<ResourceList> inspector;

  /** @param trace where {@code --verbose} traces go, or null for none */
  public EnvironmentRenderer(PrintWriter trace) {
    this(trace, null);
  }

  /**
   * @param trace where {@code --verbose} traces go, or null for none
   * @param inspector sees the final objects before they are printed, or null ({@code validate}'s
   *     typo check reads them there, with their source maps)
   */
  public EnvironmentRenderer(PrintWriter trace, Consumer<ResourceList> inspector) {
    this.trace = trace;
    this.inspector = inspector;
  }

  public RenderResult render(RenderRequest request) {
    List<Diagnostic> warnings = new ArrayList<>();
    Path serviceDir = request.serviceDirectory();
    Path serviceFile = serviceDir.resolve(SERVICE_FILE);
    if (!Files.isRegularFile(serviceFile)) {
      throw new InputException(SourcePosition.of(serviceFile),
          "no service.yaml in " + serviceDir.getFileName() + ": generate runs in (or is given) a service directory");
    }

    // 1. Which environment, and where the repository ends (Argo CD's variables, --env, --repo-root).
    String envName = EnvironmentResolver.resolve(request.cliEnvironment(), request.argo());
    Path repoRoot = RepositoryRoot.find(request.workingDirectory(), serviceDir, request.argo(), request.repoRootOption());
    step("environment " + envName + ", repository root " + repoRoot);

    // 2. platform.yaml (nearest one up to the repository root, or the defaults), then service.yaml.
    PlatformSettings platform = PlatformReader.find(serviceDir, repoRoot);
    Problems serviceWarnings = new Problems(); // unknown owner keys (product.md §2)
    ServiceSpec service = ServiceReader.read(serviceFile, platform, serviceWarnings);
    warnings.addAll(serviceWarnings.all());
    ServiceSpec.Environment environment = service.environment(envName).orElseThrow(() -> unknownEnvironment(service, envName));
    Path overlay = serviceDir.resolve("environments").resolve(envName);
    if (!Files.isDirectory(overlay)) {
      throw new InputException(service.sourceMap().positionOf("/spec/environments/" + environment.index() + "/name"),
          "environment " + envName + " has no overlay directory environments/" + envName);
    }

    // 3. The overlay, built with kustomize 5.5 semantics, bounded by the repository root.
    step("kustomize build environments/" + envName);
    BuildResult build = Kustomizer.build(overlay, new BuildOptions(repoRoot));
    warnings.addAll(build.warnings());
    ResourceList resources = build.resources();

    // 4. values.yaml and the platform stage: namespace, Rollouts, analysis, ownership, SLOs,
    //    dashboards, dependencies, then the checks of product.md §5.9 (all problems at once).
    Values values = ValuesReader.read(overlay.resolve(VALUES_FILE));
    Set<String> apis = request.argo().kubeApiVersions();
    PlatformContext context = new PlatformContext(service, environment, platform, values,
        request.argo().namespace(), apis == null ? null : String.join(",", apis), overlay,
        SourceFiles.bounded(serviceDir, repoRoot));
    warnings.addAll(PlatformStage.apply(context, resources));
    if (inspector != null) {
      inspector.accept(resources);
    }

    // 5. One order (kustomize's legacy order, or the overlay's sortOptions), one output path.
    List<JsonNode> documents = Kustomizer.outputDocuments(resources.asList(), build.sortOptions());
    String text = request.format() == RenderRequest.OutputFormat.JSON ? json(documents) : Kustomizer.write(documents);
    step("rendered " + documents.size() + " objects");
    return new RenderResult(envName, text, documents.size(), warnings);
  }

  private static String json(List<JsonNode> documents) {
    try {
      return JsonStreamWriter.write(documents);
    } catch (IllegalArgumentException e) { // NaN and infinities have no JSON form, as in kustomize
      throw new InputException(SourcePosition.none(), e.getMessage());
    }
  }

  private static InputException unknownEnvironment(ServiceSpec service, String envName) {
    List<String> known = service.environments().stream().map(ServiceSpec.Environment::name).toList();
    return new InputException(service.sourceMap().positionOf("/spec/environments"),
        "unknown environment " + envName + ": service.yaml lists " + String.join(", ", known));
  }

  private void step(String what) {
    if (trace != null) {
      trace.println("platform-render: " + what);
    }
  }
}
