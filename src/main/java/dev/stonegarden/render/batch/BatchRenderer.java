package dev.stonegarden.render.batch;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.generate.RenderRequest;
import dev.stonegarden.render.generate.RenderResult;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.pipeline.ReadLog;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Renders every environment of many services in one process, each exactly as {@code generate} would
 * render it alone: services in parallel on at most {@code threads} threads, results in the order
 * the services were given (so the output does not depend on the thread count), one failing service
 * or environment never stopping the others. Shared inputs are read once per run: each
 * platform.yaml, and every resource file of a base or component several overlays include.
 */
public final class BatchRenderer {
  /** What each render produces. */
  public enum Output {
    /** The YAML stream {@code generate} prints. */
    YAML,
    /** {@code generate --output json}. */
    JSON,
    /** Only the documents (what {@code diff} compares). */
    DOCUMENTS
  }

  /** Called as each service finishes (from the thread that rendered it, one at a time). */
  @FunctionalInterface
  public interface Progress {
    void serviceDone(ServiceRender service, int done, int total);
  }

  /**
   * One environment's outcome: the printed text (null for {@link Output#DOCUMENTS} or a failure),
   * the documents in output order (null on failure), and its warnings or errors.
   */
  public record EnvironmentRender(
      String environment,
      String namespace,
      String text,
      List<JsonNode> documents,
      List<Diagnostic> diagnostics) {
    public boolean failed() {
      return documents == null;
    }
  }

  /**
   * One service's outcome.
   *
   * @param directory the service directory, relative to the repository root ('/'-separated)
   * @param name service.yaml's name, or null when service.yaml could not be read
   * @param environments every environment service.yaml lists (those the filter kept), in its order
   * @param diagnostics problems of the service as a whole (service.yaml, platform.yaml, a duplicate
   *     name) and its warnings
   * @param inputs every file the renders read or looked for (absolute paths)
   * @param labelDomain platform.yaml's label domain (null when the settings could not be read)
   */
  public record ServiceRender(
      String directory,
      String name,
      List<EnvironmentRender> environments,
      List<Diagnostic> diagnostics,
      List<Path> inputs,
      String labelDomain) {
    public boolean failed() {
      return diagnostics.stream().anyMatch(Diagnostic::isError)
          || environments.stream().anyMatch(EnvironmentRender::failed);
    }

    /** Every diagnostic of the service and its environments. */
    public List<Diagnostic> allDiagnostics() {
      List<Diagnostic> all = new ArrayList<>(diagnostics);
      environments.forEach(e -> all.addAll(e.diagnostics()));
      return all;
    }
  }

  private final Path repoRoot;
  private final Output output;
  private final int threads;
  private final EnvironmentRenderer renderer;
  private final Map<Path, PlatformSettings> platforms = new ConcurrentHashMap<>();
  private final ParsedFiles parsedFiles = new ParsedFiles();

  /**
   * @param repoRoot bounds every file access, as for {@code generate}
   * @param threads at most this many renders at once (at least 1)
   */
  public BatchRenderer(Path repoRoot, Output output, int threads) {
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
    this.output = output;
    this.threads = Math.max(1, threads);
    this.renderer = new EnvironmentRenderer(null, parsedFiles);
  }

  /** The inputs this run parsed once for all its renders. */
  public ParsedFiles parsedFiles() {
    return parsedFiles;
  }

  /** The number of threads a run uses by default: the cores the JVM may use. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Renders the services of {@code serviceFiles} (service.yaml paths), the environments {@code
   * environments} accepts; two services with one name are both failed.
   */
  public List<ServiceRender> render(
      List<Path> serviceFiles, Predicate<String> environments, Progress progress) {
    List<ServiceRender> results = new ArrayList<>(serviceFiles.size());
    int n = serviceFiles.size();
    int[] done = {0};
    Object lock = new Object();
    java.util.function.Function<Path, ServiceRender> task =
        file -> {
          ServiceRender r = renderService(file, environments);
          synchronized (lock) {
            done[0]++;
            if (progress != null) {
              progress.serviceDone(r, done[0], n);
            }
          }
          return r;
        };
    if (threads == 1 || n <= 1) {
      serviceFiles.forEach(f -> results.add(task.apply(f)));
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.min(threads, n),
              r -> {
                Thread t = new Thread(r, "platform-render-batch");
                t.setDaemon(true); // a terminated run must not wait for renders
                return t;
              });
      try {
        List<Future<ServiceRender>> futures = new ArrayList<>(n);
        for (Path f : serviceFiles) {
          futures.add(pool.submit(() -> task.apply(f)));
        }
        for (Future<ServiceRender> f : futures) {
          results.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return duplicateNamesFailed(results);
  }

  /** One service: service.yaml and platform.yaml once, then each environment. */
  public ServiceRender renderService(Path serviceFile, Predicate<String> environments) {
    Path serviceDir = serviceFile.toAbsolutePath().normalize().getParent();
    String directory = relative(serviceDir);
    ReadLog inputs = ReadLog.recording();
    EnvironmentRenderer.settingsInputs(serviceDir, repoRoot).forEach(inputs::read);
    Problems problems = new Problems();
    ServiceSpec spec;
    PlatformSettings platform;
    try {
      platform = platform(serviceDir);
      spec = ServiceReader.read(serviceFile, platform, problems);
    } catch (InputException e) {
      return new ServiceRender(directory, null, List.of(), e.diagnostics(), inputs.paths(), null);
    }
    List<EnvironmentRender> envs = new ArrayList<>();
    for (ServiceSpec.Environment env : spec.environments()) {
      if (environments.test(env.name())) {
        envs.add(renderEnvironment(spec, env, platform, inputs));
      }
    }
    return new ServiceRender(
        directory, spec.name(), envs, problems.all(), inputs.paths(), platform.labelDomain());
  }

  private EnvironmentRender renderEnvironment(
      ServiceSpec spec, ServiceSpec.Environment env, PlatformSettings platform, ReadLog inputs) {
    try {
      EnvironmentRenderer.Built built =
          renderer.build(spec, env, platform, repoRoot, ArgoEnvironment.none(), null, inputs);
      if (output == Output.DOCUMENTS) {
        return new EnvironmentRender(
            env.name(),
            env.namespace(),
            null,
            EnvironmentRenderer.documents(built),
            built.warnings());
      }
      RenderResult printed =
          renderer.print(
              env.name(),
              built,
              output == Output.JSON
                  ? RenderRequest.OutputFormat.JSON
                  : RenderRequest.OutputFormat.YAML);
      return new EnvironmentRender(
          env.name(), env.namespace(), printed.text(), List.of(), printed.warnings());
    } catch (InputException e) {
      return new EnvironmentRender(env.name(), env.namespace(), null, null, e.diagnostics());
    }
  }

  /**
   * The platform settings of a service: the nearest platform.yaml, read once per directory for all
   * the services below it.
   */
  private PlatformSettings platform(Path serviceDir) {
    if (Files.isRegularFile(serviceDir.resolve(PlatformReader.FILE_NAME))
        || serviceDir.equals(repoRoot)
        || serviceDir.getParent() == null) {
      return PlatformReader.find(serviceDir, repoRoot);
    }
    // Under the key's lock: renders starting together read it once; failures are not kept.
    return platforms.computeIfAbsent(
        serviceDir.getParent(), parent -> PlatformReader.find(parent, repoRoot));
  }

  private List<ServiceRender> duplicateNamesFailed(List<ServiceRender> results) {
    Map<String, List<ServiceRender>> byName = new LinkedHashMap<>();
    for (ServiceRender r : results) {
      if (r.name() != null) {
        byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
      }
    }
    List<ServiceRender> out = new ArrayList<>(results.size());
    for (ServiceRender r : results) {
      List<ServiceRender> same = r.name() == null ? List.of(r) : byName.get(r.name());
      if (same.size() == 1) {
        out.add(r);
        continue;
      }
      List<String> others =
          same.stream().filter(o -> o != r).map(ServiceRender::directory).toList();
      List<Diagnostic> diagnostics = new ArrayList<>(r.diagnostics());
      diagnostics.add(
          Diagnostic.error(
              dev.stonegarden.render.diag.SourcePosition.of(
                  repoRoot.resolve(r.directory()).resolve("service.yaml")),
              "service name \""
                  + r.name()
                  + "\" is also used by "
                  + String.join(", ", others)
                  + ": names must be unique (they name the output directory)"));
      out.add(
          new ServiceRender(
              r.directory(), r.name(), r.environments(), diagnostics, r.inputs(), r.labelDomain()));
    }
    return out;
  }

  private String relative(Path dir) {
    String rel = repoRoot.relativize(dir).toString().replace('\\', '/');
    return rel.isEmpty() ? "." : rel;
  }
}
