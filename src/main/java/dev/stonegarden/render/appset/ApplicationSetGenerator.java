package dev.stonegarden.render.appset;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.pipeline.ReadLog;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.JsonWriters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the Argo CD objects of a set of services (docs/appset.md): for each service an {@code
 * ApplicationSet} whose list generator has one element per environment, in pipeline order, and for
 * each AppProject ({@code argocd.project}) one {@code AppProject}.
 *
 * <p>Every environment is rendered as {@code generate} renders it, so that what an Application
 * needs is computed from real output: the workloads an HPA scales ({@code ignoreDifferences}), the
 * files and directories the render reads ({@code manifest-generate-paths}), and whatever the {@link
 * ApplicationExtensions} add. All or nothing: any problem of any service fails the whole run with
 * every diagnostic, and nothing is returned.
 */
public final class ApplicationSetGenerator {
  static final String API_VERSION = "argoproj.io/v1alpha1";
  static final String MANIFEST_GENERATE_PATHS = "argocd.argoproj.io/manifest-generate-paths";

  /** Sync options of every Application (docs/appset.md#the-applicationset-of-a-service). */
  static final List<String> SYNC_OPTIONS =
      List.of(
          "CreateNamespace=true",
          "ServerSideApply=true",
          "RespectIgnoreDifferences=true",
          "PruneLast=true");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<ApplicationExtension> extensions;
  private final PrintWriter trace;
  private final ParsedFiles parsedFiles;

  public ApplicationSetGenerator(List<ApplicationExtension> extensions) {
    this(extensions, null);
  }

  /**
   * @param trace where {@code --verbose} traces each render's steps, or null
   */
  public ApplicationSetGenerator(List<ApplicationExtension> extensions, PrintWriter trace) {
    this(extensions, trace, null);
  }

  private ApplicationSetGenerator(
      List<ApplicationExtension> extensions, PrintWriter trace, ParsedFiles parsedFiles) {
    this.extensions = List.copyOf(extensions);
    this.trace = trace;
    this.parsedFiles = parsedFiles;
  }

  /**
   * This generator, its renders parsing what they read once in {@code parsedFiles} (shared with the
   * other renders of a run, as {@code diff} does).
   */
  public ApplicationSetGenerator sharing(ParsedFiles parsedFiles) {
    return new ApplicationSetGenerator(extensions, trace, parsedFiles);
  }

  /** With {@link ApplicationExtensions#all()}, tracing to {@code trace} (or not, when null). */
  public static ApplicationSetGenerator traced(PrintWriter trace) {
    return new ApplicationSetGenerator(ApplicationExtensions.all(), trace);
  }

  /** With {@link ApplicationExtensions#all()}. */
  public ApplicationSetGenerator() {
    this(ApplicationExtensions.all());
  }

  /**
   * One service's generated objects.
   *
   * @param applicationSet the ApplicationSet
   * @param project the name of its AppProject
   */
  public record ServiceOutput(ServiceSpec service, String project, ObjectNode applicationSet) {}

  /**
   * Everything generated, in output order.
   *
   * @param projects the AppProjects, by name (Argo CD's built-in {@code default} is never emitted)
   * @param services the services, sorted by name
   */
  public record Output(List<AppProjects.Project> projects, List<ServiceOutput> services) {
    /** AppProjects first (Applications need them), then the ApplicationSets. */
    public List<ObjectNode> documents() {
      List<ObjectNode> docs = new ArrayList<>();
      projects.forEach(p -> docs.add(p.object()));
      services.forEach(s -> docs.add(s.applicationSet()));
      return docs;
    }
  }

  /**
   * Generates the objects of {@code serviceFiles}.
   *
   * @param serviceFiles the service.yaml files (from {@code ServiceFinder.find})
   * @param repoRoot the repository root (source paths are relative to it)
   * @param repoUrlOverride {@code --repo-url}, or null
   * @param repoUrlFallback used when neither {@code --repo-url} nor {@code argocd.repoURL} is set
   *     (under Argo CD: {@code ARGOCD_APP_SOURCE_REPO_URL}), or null
   * @throws InputException with every problem of every service
   */
  public Output generate(
      List<Path> serviceFiles, Path repoRoot, String repoUrlOverride, String repoUrlFallback) {
    Problems problems = new Problems();
    List<Loaded> loaded = new ArrayList<>();
    for (Path file : serviceFiles) {
      problems.collect(
          () -> {
            PlatformSettings platform = PlatformReader.find(file.getParent(), repoRoot);
            ServiceSpec spec = ServiceReader.read(file, platform, new Problems());
            loaded.add(new Loaded(spec, platform));
          });
    }
    duplicates(loaded, problems);
    List<ServiceOutput> outputs = new ArrayList<>();
    for (Loaded l : loaded) {
      problems.collect(
          () -> {
            String repoUrl = repoUrl(l, repoUrlOverride, repoUrlFallback);
            outputs.add(service(l.spec(), l.platform(), repoRoot, repoUrl));
          });
    }
    problems.throwIfErrors();
    List<AppProjects.Project> projects =
        AppProjects.build(
            loaded.stream()
                .map(l -> l.asInput(repoUrl(l, repoUrlOverride, repoUrlFallback)))
                .toList());
    outputs.sort(java.util.Comparator.comparing(o -> o.service().name()));
    return new Output(projects, List.copyOf(outputs));
  }

  /**
   * The service directories (relative to {@code repoRoot}) whose platform.yaml names no repository
   * URL: {@code appset} needs {@code --repo-url} for them (a usage error otherwise).
   */
  public static List<String> withoutRepoUrl(List<Path> serviceFiles, Path repoRoot) {
    List<String> missing = new ArrayList<>();
    for (Path file : serviceFiles) {
      String url;
      try {
        url = PlatformReader.find(file.getParent(), repoRoot).argocd().repoURL();
      } catch (InputException e) {
        continue; // reported by the generator with its position
      }
      if (url == null || url.isEmpty()) {
        missing.add(slashes(real(repoRoot).relativize(real(file.getParent())).toString()));
      }
    }
    return missing;
  }

  /** A read service.yaml with the platform.yaml that applies to it. */
  record Loaded(ServiceSpec spec, PlatformSettings platform) {
    AppProjects.Input asInput(String repoUrl) {
      return new AppProjects.Input(spec, platform, projectName(spec, platform), repoUrl);
    }
  }

  private static String repoUrl(Loaded l, String override, String fallback) {
    if (override != null && !override.isEmpty()) {
      return override;
    }
    String configured = l.platform().argocd().repoURL();
    if (configured != null && !configured.isEmpty()) {
      return configured;
    }
    if (fallback != null && !fallback.isEmpty()) {
      return fallback;
    }
    SourcePosition at =
        l.platform().file() == null
            ? l.spec().sourceMap().positionOf("/metadata/name")
            : SourcePosition.of(l.platform().file());
    throw new InputException(
        at,
        "no repository URL for the Applications of "
            + l.spec().name()
            + ": set spec.argocd.repoURL in platform.yaml or pass --repo-url URL");
  }

  /** Two services with one name would make one ApplicationSet and the same Application names. */
  private static void duplicates(List<Loaded> loaded, Problems problems) {
    Map<String, Loaded> first = new LinkedHashMap<>();
    for (Loaded l : loaded) {
      Loaded other = first.putIfAbsent(l.spec().name(), l);
      if (other != null) {
        problems.error(
            l.spec().sourceMap().positionOf("/metadata/name"),
            "service name "
                + l.spec().name()
                + " is also used by "
                + other.spec().file().getParent().getFileName()
                + "/service.yaml: ApplicationSet and Application names must be unique, rename one");
      }
    }
  }

  /** {@code argocd.project} with {@code {{team}}} and {@code {{service}}} substituted. */
  static String projectName(ServiceSpec spec, PlatformSettings platform) {
    return platform
        .argocd()
        .project()
        .replace("{{team}}", spec.owner().team())
        .replace("{{service}}", spec.name());
  }

  private ServiceOutput service(
      ServiceSpec spec, PlatformSettings platform, Path repoRoot, String repoUrl) {
    String project = projectName(spec, platform);
    Path serviceDir = real(spec.serviceDirectory());
    Path root = real(repoRoot);
    String sourcePath = slashes(root.relativize(serviceDir).toString());
    if (sourcePath.isEmpty()) {
      sourcePath = ".";
    }

    // Every environment rendered as `generate` renders it; every problem of every environment.
    Problems problems = new Problems();
    EnvironmentRenderer renderer = new EnvironmentRenderer(trace, parsedFiles);
    List<Element> elements = new ArrayList<>();
    for (ServiceSpec.Environment env : pipelineOrder(spec, platform)) {
      if (trace != null) {
        trace.println("platform-render: appset " + spec.name() + ", environment " + env.name());
      }
      problems.collect(
          () -> {
            ReadLog reads = ReadLog.recording();
            List<Resource> resources =
                renderer
                    .build(spec, env, platform, repoRoot, ArgoEnvironment.none(), reads)
                    .resources()
                    .asList();
            RenderedEnvironment rendered =
                new RenderedEnvironment(spec, env, platform, project, resources);
            List<IgnoreDifference> ignore = new ArrayList<>();
            Map<String, String> annotations = new TreeMap<>();
            for (ApplicationExtension extension : extensions) {
              for (IgnoreDifference d : extension.ignoreDifferences(rendered)) {
                if (!ignore.contains(d)) {
                  ignore.add(d);
                }
              }
              annotations.putAll(extension.annotations(rendered));
            }
            elements.add(
                new Element(
                    env,
                    platform.clusters().get(cluster(env)),
                    manifestGeneratePaths(reads.paths(), serviceDir, root),
                    ignore,
                    annotations));
          });
    }
    problems.throwIfErrors();
    boolean anyAnnotations = elements.stream().anyMatch(e -> !e.annotations().isEmpty());
    return new ServiceOutput(
        spec,
        project,
        applicationSet(spec, platform, project, repoUrl, sourcePath, elements, anyAnnotations));
  }

  /** The service's environments in the platform's pipeline order (stages it lacks are skipped). */
  static List<ServiceSpec.Environment> pipelineOrder(ServiceSpec spec, PlatformSettings platform) {
    List<ServiceSpec.Environment> ordered = new ArrayList<>(spec.environments());
    List<String> pipeline = platform.pipeline();
    ordered.sort(
        java.util.Comparator.comparingInt(
            e -> pipeline.indexOf(e.name()) < 0 ? Integer.MAX_VALUE : pipeline.indexOf(e.name())));
    return ordered;
  }

  static String cluster(ServiceSpec.Environment env) {
    return env.cluster() == null || env.cluster().isEmpty() ? "in-cluster" : env.cluster();
  }

  /** One list element's values, before they become strings. */
  record Element(
      ServiceSpec.Environment environment,
      String server,
      String manifestGeneratePaths,
      List<IgnoreDifference> ignoreDifferences,
      Map<String, String> annotations) {}

  /**
   * The paths a render read, as manifest-generate-paths lists them: relative to the service
   * directory (the Application's source path) when inside it, else absolute from the repository
   * root ({@code /kubernetes/platform.yaml}); a file or directory inside a listed directory is left
   * out; sorted, joined with {@code ;}.
   */
  static String manifestGeneratePaths(List<Path> read, Path serviceDir, Path root) {
    TreeSet<Path> paths = new TreeSet<>();
    for (Path p : read) {
      paths.add(real(p));
    }
    List<Path> kept = new ArrayList<>();
    for (Path p : paths) {
      boolean covered = false;
      for (Path q : paths) {
        if (!q.equals(p) && p.startsWith(q)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        kept.add(p);
      }
    }
    TreeSet<String> shown = new TreeSet<>();
    for (Path p : kept) {
      if (p.startsWith(serviceDir)) {
        String rel = slashes(serviceDir.relativize(p).toString());
        shown.add(rel.isEmpty() ? "." : rel);
      } else {
        shown.add("/" + slashes(root.relativize(p).toString()));
      }
    }
    return String.join(";", shown);
  }

  private ObjectNode applicationSet(
      ServiceSpec spec,
      PlatformSettings platform,
      String project,
      String repoUrl,
      String sourcePath,
      List<Element> elements,
      boolean anyAnnotations) {
    String domain = platform.labelDomain();
    ObjectNode set = NODES.objectNode();
    set.put("apiVersion", API_VERSION);
    set.put("kind", "ApplicationSet");
    ObjectNode meta = set.putObject("metadata");
    meta.put("name", spec.name());
    meta.put("namespace", platform.argocd().namespace());
    ObjectNode setLabels = meta.putObject("labels");
    setLabels.put(domain + "/service", spec.name());
    setLabels.put(domain + "/team", spec.owner().team());

    ObjectNode s = set.putObject("spec");
    s.put("goTemplate", true);
    s.putArray("goTemplateOptions").add("missingkey=error");
    ArrayNode list = s.putArray("generators").addObject().putObject("list").putArray("elements");
    for (Element e : elements) {
      ObjectNode el = list.addObject();
      el.put("env", e.environment().name());
      el.put("namespace", e.environment().namespace());
      el.put("cluster", cluster(e.environment()));
      el.put("server", e.server() == null ? "" : e.server());
      el.put("autoSync", e.environment().autoSync() ? "true" : "false");
      el.put("manifestGeneratePaths", e.manifestGeneratePaths());
      el.put("ignoreDifferences", ignoreDifferencesJson(e.ignoreDifferences()));
      if (anyAnnotations) {
        el.put("annotations", JsonWriters.ARGO_CD_VALUE.write(e.annotations()));
      }
    }
    // Deleting the ApplicationSet (or a service directory) deletes the Applications but never
    // what they deployed.
    s.putObject("syncPolicy").put("preserveResourcesOnDeletion", true);

    ObjectNode template = s.putObject("template");
    ObjectNode tmeta = template.putObject("metadata");
    tmeta.put("name", spec.name() + "-{{.env}}");
    ObjectNode labels = tmeta.putObject("labels");
    labels.put(domain + "/service", spec.name());
    labels.put(domain + "/team", spec.owner().team());
    labels.put(domain + "/environment", "{{.env}}");
    ObjectNode annotations = tmeta.putObject("annotations");
    annotations.put(MANIFEST_GENERATE_PATHS, "{{.manifestGeneratePaths}}");
    String slack = slackChannel(spec.owner().slack());
    if (slack != null) {
      annotations.put("notifications.argoproj.io/subscribe.on-sync-failed.slack", slack);
      annotations.put("notifications.argoproj.io/subscribe.on-health-degraded.slack", slack);
    }
    ObjectNode tspec = template.putObject("spec");
    tspec.put("project", project);
    ObjectNode source = tspec.putObject("source");
    source.put("repoURL", repoUrl);
    source.put("targetRevision", platform.argocd().targetRevision());
    source.put("path", sourcePath);
    ObjectNode plugin = source.putObject("plugin");
    plugin.put("name", platform.argocd().plugin());
    ObjectNode parameter = plugin.putArray("parameters").addObject();
    parameter.put("name", "environment");
    parameter.put("string", "{{.env}}");
    tspec.putObject("destination").put("namespace", "{{.namespace}}");
    ObjectNode sync = tspec.putObject("syncPolicy");
    ArrayNode options = sync.putArray("syncOptions");
    SYNC_OPTIONS.forEach(options::add);
    ObjectNode retry = sync.putObject("retry");
    retry.put("limit", 3);
    ObjectNode backoff = retry.putObject("backoff");
    backoff.put("duration", "5s");
    backoff.put("factor", 2);
    backoff.put("maxDuration", "3m");

    s.put("templatePatch", templatePatch(anyAnnotations));
    return set;
  }

  /**
   * What differs in shape between elements, which a templated string field cannot express (a
   * boolean, a list, {@code server} or {@code name}): Go template text that Argo CD executes per
   * element and merges into the Application (docs/appset.md#templatepatch).
   */
  static String templatePatch(boolean annotations) {
    StringBuilder t = new StringBuilder();
    if (annotations) {
      t.append("metadata:\n");
      t.append("  annotations: {{ .annotations }}\n");
    }
    t.append("spec:\n");
    t.append("  destination:\n");
    t.append("  {{- if eq .server \"\" }}\n");
    t.append("    name: '{{ .cluster }}'\n");
    t.append("  {{- else }}\n");
    t.append("    server: '{{ .server }}'\n");
    t.append("  {{- end }}\n");
    t.append("  {{- if ne .ignoreDifferences \"[]\" }}\n");
    t.append("  ignoreDifferences: {{ .ignoreDifferences }}\n");
    t.append("  {{- end }}\n");
    t.append("  {{- if eq .autoSync \"true\" }}\n");
    t.append("  syncPolicy:\n");
    t.append("    automated:\n");
    t.append("      prune: true\n");
    t.append("      selfHeal: true\n");
    t.append("  {{- end }}\n");
    return t.toString();
  }

  /** The entries as compact JSON (a YAML flow sequence), keys in a fixed order. */
  static String ignoreDifferencesJson(List<IgnoreDifference> entries) {
    ArrayNode list = NODES.arrayNode();
    for (IgnoreDifference d : entries) {
      ObjectNode o = list.addObject();
      o.put("group", d.group());
      o.put("kind", d.kind());
      if (d.name() != null) {
        o.put("name", d.name());
      }
      if (!d.jsonPointers().isEmpty()) {
        ArrayNode a = o.putArray("jsonPointers");
        d.jsonPointers().forEach(a::add);
      }
      if (!d.jqPathExpressions().isEmpty()) {
        ArrayNode a = o.putArray("jqPathExpressions");
        d.jqPathExpressions().forEach(a::add);
      }
    }
    return JsonWriters.ARGO_CD_VALUE.write(list);
  }

  /** Argo CD notifications name Slack channels without the {@code #}. */
  static String slackChannel(String slack) {
    if (slack == null || slack.isBlank()) {
      return null;
    }
    String s = slack.strip();
    return s.startsWith("#") ? s.substring(1) : s;
  }

  static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs;
    }
  }

  static String slashes(String s) {
    return s.replace('\\', '/');
  }
}
