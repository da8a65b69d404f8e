package dev.stonegarden.render.kargo;

import dev.stonegarden.render.platform.WorkloadImages;
import dev.stonegarden.render.promote.ImageRef;
import dev.stonegarden.render.promote.Promoter;
import dev.stonegarden.render.promote.SemVer;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kargo pipeline of one service (docs/promotion.md#kargo): a {@code Project}, a {@code
 * Warehouse} subscribing to the repositories of its workloads' images, one {@code Stage} per
 * environment in pipeline order (each requesting Freight from the stage before it, the first from
 * the Warehouse) whose promotion steps do what {@code promote} does, and per stage an {@code
 * AnalysisTemplate} in the Kargo project that checks the stage's SLO over the soak window after a
 * promotion.
 */
public final class KargoPipeline {
  static final String KARGO_API = "kargo.akuity.io/v1alpha1";
  static final String ROLLOUTS_API = "argoproj.io/v1alpha1";

  /** The annotation an Argo CD Application needs before a Stage may update it. */
  public static final String AUTHORIZED_STAGE = "kargo.akuity.io/authorized-stage";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private KargoPipeline() {}

  /**
   * What one service needs.
   *
   * @param servicePath the service directory relative to the repository root, '/'-separated
   * @param rendered every environment as it renders now, by name (the first stage gives the image
   *     repositories)
   * @param values each environment's values.yaml (which tag keys a stage's promotion updates)
   */
  public record Input(
      ServiceSpec spec,
      PlatformSettings platform,
      String servicePath,
      Map<String, ResourceList> rendered,
      Map<String, Values> values) {}

  /** The value of the authorized-stage annotation for a stage of a service. */
  public static String authorizedStage(PlatformSettings platform, String service, String stage) {
    return platform.kargo().projectOf(service) + ":" + stage;
  }

  /** Every object, in the order they are applied: Project, Warehouse, then per stage. */
  public static List<ObjectNode> objects(Input in) {
    ServiceSpec spec = in.spec();
    PlatformSettings platform = in.platform();
    PlatformSettings.Kargo kargo = platform.kargo();
    String project = kargo.projectOf(spec.name());
    List<ServiceSpec.Environment> stages = Promoter.ordered(spec, platform);
    Map<String, ImageRef> images = mainImages(in.rendered().get(stages.get(0).name()));

    List<ObjectNode> out = new ArrayList<>();
    ObjectNode p = object("Project", project, null, in);
    out.add(p);
    out.add(warehouse(in, project, images));
    ServiceSpec.Environment previous = null;
    for (ServiceSpec.Environment env : stages) {
      boolean verify = spec.sla() != null;
      if (verify) {
        out.add(verification(in, project, env));
      }
      out.add(stage(in, project, env, previous, images, verify));
      previous = env;
    }
    return out;
  }

  /** The repository of each workload's first container (the one values.yaml's tag is for). */
  static Map<String, ImageRef> mainImages(ResourceList resources) {
    Map<String, ImageRef> out = new LinkedHashMap<>();
    if (resources == null) {
      return out;
    }
    for (WorkloadImages w : WorkloadImages.of(resources)) {
      JsonNode first = w.resource().body().at("/spec/template/spec/containers/0/image");
      if (first.isString()) {
        out.put(w.workload(), ImageRef.parse(first.stringValue()));
      }
    }
    return out;
  }

  private static ObjectNode warehouse(Input in, String project, Map<String, ImageRef> images) {
    ObjectNode w = object("Warehouse", in.spec().name(), project, in);
    ObjectNode spec = w.putObject("spec");
    spec.put("freightCreationPolicy", "Automatic");
    spec.put("interval", "5m0s");
    ArrayNode subs = spec.putArray("subscriptions");
    Map<String, ImageRef> byRepository = new LinkedHashMap<>();
    images.values().forEach(i -> byRepository.putIfAbsent(i.repository(), i));
    for (ImageRef ref : byRepository.values()) {
      ObjectNode image = subs.addObject().putObject("image");
      image.put("repoURL", ref.repository());
      // Semantic version tags are ordered; anything else is taken newest build first.
      image.put(
          "imageSelectionStrategy", SemVer.parse(ref.tag()) != null ? "SemVer" : "NewestBuild");
      image.put("discoveryLimit", 20);
    }
    return w;
  }

  private static ObjectNode stage(
      Input in,
      String project,
      ServiceSpec.Environment env,
      ServiceSpec.Environment previous,
      Map<String, ImageRef> images,
      boolean verify) {
    PlatformSettings platform = in.platform();
    PlatformSettings.Kargo kargo = platform.kargo();
    String service = in.spec().name();
    ObjectNode s = object("Stage", env.name(), project, in);
    ObjectNode spec = s.putObject("spec");
    ObjectNode freight = spec.putArray("requestedFreight").addObject();
    ObjectNode origin = freight.putObject("origin");
    origin.put("kind", "Warehouse");
    origin.put("name", service);
    ObjectNode sources = freight.putObject("sources");
    if (previous == null) {
      sources.put("direct", true);
    } else {
      sources.putArray("stages").add(previous.name());
    }

    ObjectNode template = spec.putObject("promotionTemplate").putObject("spec");
    ArrayNode vars = template.putArray("vars");
    var("repoURL", platform.argocd().repoURL(), vars);
    var("branch", kargo.branch(), vars);
    var(
        "values",
        "./src/" + in.servicePath() + "/environments/" + env.name() + "/values.yaml",
        vars);
    ArrayNode steps = template.putArray("steps");

    ObjectNode clone = step(steps, "git-clone", "clone");
    clone.put("repoURL", "${{ vars.repoURL }}");
    ObjectNode checkout = clone.putArray("checkout").addObject();
    checkout.put("branch", "${{ vars.branch }}");
    checkout.put("path", "./src");

    ObjectNode update = step(steps, "yaml-update", "update-image");
    update.put("path", "${{ vars.values }}");
    ArrayNode updates = update.putArray("updates");
    for (Map.Entry<String, String> u : tagUpdates(in, env, images).entrySet()) {
      ObjectNode o = updates.addObject();
      o.put("key", u.getKey());
      o.put("value", "${{ imageFrom(\"" + u.getValue() + "\").Tag }}");
    }

    ObjectNode commit = step(steps, "git-commit", "commit");
    commit.put("path", "./src");
    commit.put(
        "message",
        "promote " + service + " to " + env.name() + " (Freight ${{ ctx.targetFreight.name }})");

    String revision;
    if (kargo.promotion().equals("push")) {
      ObjectNode push = step(steps, "git-push", "push");
      push.put("path", "./src");
      push.put("targetBranch", "${{ vars.branch }}");
      revision = "${{ outputs.push.commit }}";
    } else {
      ObjectNode push = step(steps, "git-push", "push");
      push.put("path", "./src");
      push.put("generateTargetBranch", true);
      ObjectNode pr = step(steps, "git-open-pr", "open-pr");
      pr.put("repoURL", "${{ vars.repoURL }}");
      pr.put("sourceBranch", "${{ outputs.push.branch }}");
      pr.put("targetBranch", "${{ vars.branch }}");
      pr.put("title", "Promote " + service + " to " + env.name());
      pr.putArray("labels").add("promotion");
      ObjectNode wait = step(steps, "git-wait-for-pr", "wait-for-pr");
      wait.put("repoURL", "${{ vars.repoURL }}");
      wait.put("prNumber", "${{ outputs['open-pr'].pr.id }}");
      revision = "${{ outputs['wait-for-pr'].commit }}";
    }

    ObjectNode argocd = step(steps, "argocd-update", "sync");
    ObjectNode app = argocd.putArray("apps").addObject();
    app.put("name", service + "-" + env.name());
    app.put("namespace", platform.argocd().namespace());
    ObjectNode source = app.putArray("sources").addObject();
    source.put("repoURL", "${{ vars.repoURL }}");
    source.put("desiredRevision", revision);

    if (verify) {
      ObjectNode verification = spec.putObject("verification");
      verification.putArray("analysisTemplates").addObject().put("name", env.name() + "-slo");
    }
    return s;
  }

  /**
   * The keys of the stage's values.yaml that carry image tags, and the repository whose Freight tag
   * goes there: {@code image.tag} when every workload runs one repository (plus the workloads' own
   * entries the stage already has), else one {@code workloads.W.image.tag} per workload.
   */
  static Map<String, String> tagUpdates(
      Input in, ServiceSpec.Environment env, Map<String, ImageRef> images) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> repositories =
        images.values().stream().map(ImageRef::repository).distinct().toList();
    Values values = in.values().getOrDefault(env.name(), Values.none());
    if (repositories.size() == 1) {
      out.put("image.tag", repositories.get(0));
      for (Map.Entry<String, Values.Settings> w : values.workloads().entrySet()) {
        if (w.getValue().imageTag() != null && images.containsKey(w.getKey())) {
          out.put("workloads." + w.getKey() + ".image.tag", repositories.get(0));
        }
      }
      return out;
    }
    for (Map.Entry<String, ImageRef> w : images.entrySet()) {
      out.put("workloads." + w.getKey() + ".image.tag", w.getValue().repository());
    }
    return out;
  }

  /**
   * The stage's SLO over the soak window, measured once when the window has passed: availability
   * (and latency when the SLA has one). No traffic (an empty result or NaN) is Inconclusive, which
   * leaves the Freight unverified for a person to judge.
   */
  private static ObjectNode verification(Input in, String project, ServiceSpec.Environment env) {
    ServiceSpec.Sla sla = in.spec().sla();
    PlatformSettings platform = in.platform();
    String soak = platform.kargo().soak();
    ObjectNode t = object("AnalysisTemplate", env.name() + "-slo", project, in);
    t.put("apiVersion", ROLLOUTS_API);
    ArrayNode metrics = t.putObject("spec").putArray("metrics");
    if (sla.errorBudget() != null) {
      String ratio = plain(BigDecimal.ONE.subtract(sla.errorBudget()));
      metric(
          metrics,
          "availability",
          soak,
          "result[0] >= " + ratio,
          "result[0] < " + ratio,
          platform,
          "1 - sum(rate("
              + sli(platform.sli().errors(), in, env)
              + "["
              + soak
              + "])) / sum(rate("
              + sli(platform.sli().requests(), in, env)
              + "["
              + soak
              + "]))");
    }
    if (sla.latencySeconds() != null) {
      String seconds = plain(sla.latencySeconds());
      metric(
          metrics,
          "latency",
          soak,
          "result[0] <= " + seconds,
          "result[0] > " + seconds,
          platform,
          "histogram_quantile(0.99, sum(rate("
              + sli(platform.sli().latencyBucket(), in, env)
              + "["
              + soak
              + "])) by (le))");
    }
    return t;
  }

  private static void metric(
      ArrayNode metrics,
      String name,
      String soak,
      String success,
      String failure,
      PlatformSettings platform,
      String query) {
    ObjectNode m = metrics.addObject();
    m.put("name", name);
    m.put("initialDelay", soak);
    m.put("count", 1);
    m.put("successCondition", "len(result) > 0 && " + success);
    m.put("failureCondition", "len(result) > 0 && " + failure);
    ObjectNode prometheus = m.putObject("provider").putObject("prometheus");
    prometheus.put("address", platform.prometheus().address());
    prometheus.put("query", query);
  }

  private static String sli(String template, Input in, ServiceSpec.Environment env) {
    return template
        .replace("{{namespace}}", env.namespace())
        .replace("{{service}}", in.spec().name())
        .replace("{{environment}}", env.name());
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static ObjectNode step(ArrayNode steps, String uses, String as) {
    ObjectNode s = steps.addObject();
    s.put("uses", uses);
    s.put("as", as);
    return s.putObject("config");
  }

  private static void var(String name, String value, ArrayNode vars) {
    ObjectNode v = vars.addObject();
    v.put("name", name);
    v.put("value", value);
  }

  /** apiVersion, kind, metadata (name, namespace, the platform's service and team labels). */
  private static ObjectNode object(String kind, String name, String namespace, Input in) {
    ObjectNode o = JSON.objectNode();
    o.put("apiVersion", KARGO_API);
    o.put("kind", kind);
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    ObjectNode labels = meta.putObject("labels");
    String domain = in.platform().labelDomain();
    labels.put(domain + "/service", in.spec().name());
    labels.put(domain + "/team", in.spec().owner().team());
    labels.put("app.kubernetes.io/managed-by", "platform-render");
    return o;
  }
}
