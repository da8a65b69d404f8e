package dev.stonegarden.render.generate;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.EnvironmentResolver;
import dev.stonegarden.render.argocd.RepositoryRoot;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.kustomize.BuildOptions;
import dev.stonegarden.render.kustomize.BuildResult;
import dev.stonegarden.render.kustomize.Kustomizer;
import dev.stonegarden.render.kustomize.SortOptions;
import dev.stonegarden.render.pipeline.ReadLog;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Renders one environment of one service (docs/rendering.md). {@link #render} and {@link #build}
 * are the whole program, in order; each step names the class that does the work.
 */
public final class EnvironmentRenderer {
  static final String SERVICE_FILE = "service.yaml";

  private final PrintWriter trace;
  private final ParsedFiles parsedFiles;

  /**
   * @param trace where {@code --verbose} traces go, or null for none
   */
  public EnvironmentRenderer(PrintWriter trace) {
    this(trace, null);
  }

  /**
   * A renderer for many renders in one run ({@code generate --all}, {@code diff}).
   *
   * @param trace where {@code --verbose} traces go, or null for none
   * @param parsedFiles the inputs parsed once and shared by every render, or null
   */
  public EnvironmentRenderer(PrintWriter trace, ParsedFiles parsedFiles) {
    this.trace = trace;
    this.parsedFiles = parsedFiles;
  }

  /** The resources of one environment, before output: what {@code validate} inspects. */
  public record Built(ResourceList resources, SortOptions sortOptions, List<Diagnostic> warnings) {}

  /** {@code generate}: resolves the environment and the repository root, builds, prints. */
  public RenderResult render(RenderRequest request) {
    Path serviceDir = request.serviceDirectory();
    Path serviceFile = serviceDir.resolve(SERVICE_FILE);
    if (!Files.isDirectory(serviceDir)) {
      // Under a locale that is not UTF-8 the JVM cannot even name a non-ASCII directory
      // (docs/robustness.md#file-names).
      throw new InputException(
          new SourcePosition(serviceFile, 1, 1),
          "the service directory cannot be opened: it does not exist, or its path is not ASCII and"
              + " this process runs under a locale that is not UTF-8 (run with LC_ALL=C.UTF-8)");
    }
    if (!Files.exists(serviceFile, LinkOption.NOFOLLOW_LINKS)) {
      throw new InputException(
          SourcePosition.of(serviceFile),
          "no service.yaml in "
              + serviceDir.getFileName()
              + ": generate runs in (or is given) a service directory");
    }

    // 1. Which environment, and where the repository ends (Argo CD's variables, --env,
    // --repo-root).
    String envName = EnvironmentResolver.resolve(request.cliEnvironment(), request.argo());
    Path repoRoot =
        RepositoryRoot.find(
            request.workingDirectory(), serviceDir, request.argo(), request.repoRootOption());
    step(
        "environment "
            + envName
            + ", repository root "
            + shown(request.workingDirectory(), repoRoot));

    // 2. platform.yaml (nearest one up to the repository root, or the defaults), then service.yaml.
    Problems warnings = new Problems();
    PlatformSettings platform = PlatformReader.find(serviceDir, repoRoot);
    // Every input file through the one root-bound loader (docs/robustness.md#file-access).
    ServiceSpec service =
        ServiceReader.read(RootedFiles.at(repoRoot), serviceFile, platform, warnings);
    ServiceSpec.Environment environment =
        service.environment(envName).orElseThrow(() -> unknownEnvironment(service, envName));

    // 3.–4. The overlay, values.yaml and the platform stage.
    Built built = build(service, environment, platform, repoRoot, request.argo());
    warnings.addAll(built.warnings());

    // 5. One order (kustomize's legacy order, or the overlay's sortOptions), one output path.
    RenderResult printed = print(envName, built, request.format());
    return new RenderResult(envName, printed.text(), printed.objects(), warnings.all());
  }

  /**
   * Step 5 alone: the built resources sorted, cleaned and printed ({@code generate}'s output, byte
   * for byte); the result carries the build's warnings.
   */
  public RenderResult print(String envName, Built built, RenderRequest.OutputFormat format) {
    Kustomizer.Output output = Kustomizer.output(built.resources().asList(), built.sortOptions());
    String text = format == RenderRequest.OutputFormat.JSON ? output.json() : output.yaml();
    int count = output.documents().size();
    step("rendered " + count + " objects");
    return new RenderResult(envName, text, count, built.warnings());
  }

  /** The documents {@code generate} prints, in output order. */
  public static List<JsonNode> documents(Built built) {
    return Kustomizer.output(built.resources().asList(), built.sortOptions()).documents();
  }

  /**
   * The settings files a render of the service in {@code serviceDir} reads or looks for:
   * service.yaml, and platform.yaml in the service directory and every directory above it up to the
   * repository root (the nearest one wins, so a new one anywhere there changes the render).
   */
  public static List<Path> settingsInputs(Path serviceDir, Path repoRoot) {
    List<Path> paths = new ArrayList<>();
    paths.add(serviceDir.resolve(SERVICE_FILE));
    Path dir = serviceDir.toAbsolutePath().normalize();
    Path root = repoRoot == null ? dir : repoRoot.toAbsolutePath().normalize();
    while (dir != null && dir.startsWith(root)) {
      paths.add(dir.resolve(PlatformReader.FILE_NAME));
      dir = dir.getParent();
    }
    return paths;
  }

  /**
   * Steps 3 and 4 for an environment of an already-read service: the kustomize build of {@code
   * environments/<env>} bounded by the repository root, then values.yaml and the platform stage
   * (namespace, Rollouts, analysis, ownership, SLOs, dashboards, dependencies, and the checks of
   * docs/rendering.md#checks, all problems at once).
   */
  public Built build(
      ServiceSpec service,
      ServiceSpec.Environment environment,
      PlatformSettings platform,
      Path repoRoot,
      ArgoEnvironment argo) {
    return build(service, environment, platform, repoRoot, argo, null, ReadLog.none());
  }

  /**
   * {@link #build}, with {@code values} instead of the environment's values.yaml (null: read the
   * file): {@code promote} renders its edit before writing it.
   */
  public Built build(
      ServiceSpec service,
      ServiceSpec.Environment environment,
      PlatformSettings platform,
      Path repoRoot,
      ArgoEnvironment argo,
      Values valuesInstead) {
    return build(service, environment, platform, repoRoot, argo, valuesInstead, ReadLog.none());
  }

  /**
   * {@link #build(ServiceSpec, ServiceSpec.Environment, PlatformSettings, Path, ArgoEnvironment)},
   * telling {@code reads} every file and directory the render depends on: service.yaml,
   * platform.yaml, each kustomization directory and file the overlay loads (wherever it lies),
   * values.yaml, and the dashboards and alert files the platform stage reads.
   */
  public Built build(
      ServiceSpec service,
      ServiceSpec.Environment environment,
      PlatformSettings platform,
      Path repoRoot,
      ArgoEnvironment argo,
      ReadLog reads) {
    return build(service, environment, platform, repoRoot, argo, null, reads);
  }

  /** The full form: {@code valuesInstead} (or null) and {@code reads}. */
  public Built build(
      ServiceSpec service,
      ServiceSpec.Environment environment,
      PlatformSettings platform,
      Path repoRoot,
      ArgoEnvironment argo,
      Values valuesInstead,
      ReadLog reads) {
    reads.read(service.file());
    if (platform.file() != null) {
      reads.read(platform.file());
    }
    Path serviceDir = service.serviceDirectory();
    Path overlay = serviceDir.resolve("environments").resolve(environment.name());
    if (!Files.isDirectory(overlay)) {
      throw new InputException(
          service.sourceMap().positionOf("/spec/environments/" + environment.index() + "/name"),
          "environment \""
              + environment.name()
              + "\" has no directory environments/"
              + environment.name()
              + "/ next to service.yaml");
    }
    // The overlay and values.yaml are independent inputs: report the problems of both at once.
    step("kustomize build environments/" + environment.name());
    Problems problems = new Problems();
    BuildResult[] build = new BuildResult[1];
    Values[] values = new Values[1];
    problems.collect(
        () -> build[0] = Kustomizer.build(overlay, new BuildOptions(repoRoot, reads, parsedFiles)));
    Path valuesFile = overlay.resolve(ValuesReader.FILE_NAME);
    if (valuesInstead == null) {
      reads.read(valuesFile); // read, or looked for: one created later changes the render
    }
    problems.collect(
        () ->
            values[0] =
                valuesInstead != null
                    ? valuesInstead
                    : ValuesReader.read(RootedFiles.at(repoRoot), valuesFile));
    problems.throwIfErrors();
    List<Diagnostic> warnings = new ArrayList<>(build[0].warnings());
    ResourceList resources = build[0].resources();

    step("values.yaml and the platform stage");
    Set<String> apis = argo.kubeApiVersions();
    PlatformContext context =
        new PlatformContext(
            service,
            environment,
            platform,
            values[0],
            argo.namespace(),
            apis == null ? null : String.join(",", apis),
            overlay,
            recorded(SourceFiles.bounded(serviceDir, repoRoot), reads));
    warnings.addAll(PlatformStage.apply(context, resources, this::step));
    return new Built(resources, build[0].sortOptions(), warnings);
  }

  /**
   * {@code files}, telling {@code reads} each file it reads (dashboards, alert files) and parsing
   * them once per run when the renders share parsed files.
   */
  private SourceFiles recorded(SourceFiles files, ReadLog reads) {
    if (!reads.isRecording() && parsedFiles == null) {
      return files;
    }
    ParsedFiles parsed = parsedFiles;
    return new SourceFiles() {
      @Override
      public byte[] read(String relative) throws IOException {
        byte[] bytes = files.read(relative);
        if (reads.isRecording()) {
          reads.read(files.resolve(relative).toRealPath());
        }
        return bytes;
      }

      @Override
      public Path resolve(String relative) {
        return files.resolve(relative);
      }

      @Override
      public ParsedFiles parsedFiles() {
        return parsed;
      }
    };
  }

  private static InputException unknownEnvironment(ServiceSpec service, String envName) {
    List<String> known =
        service.environments().stream().map(ServiceSpec.Environment::name).toList();
    return new InputException(
        service.sourceMap().positionOf("/spec/environments"),
        "unknown environment " + envName + ": service.yaml lists " + String.join(", ", known));
  }

  /** A path for a trace line: relative to the working directory, as diagnostics print paths. */
  private static String shown(Path workingDirectory, Path path) {
    String rel =
        workingDirectory
            .toAbsolutePath()
            .normalize()
            .relativize(path.toAbsolutePath().normalize())
            .toString();
    return rel.isEmpty() ? "." : rel.replace('\\', '/');
  }

  private void step(String what) {
    if (trace != null) {
      trace.println("platform-render: " + what);
    }
  }
}
