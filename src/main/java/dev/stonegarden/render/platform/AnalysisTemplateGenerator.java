package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.Trees;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Argo Rollouts AnalysisTemplates for the environment's rollout (docs/canary.md): one per converted
 * workload and metric, named {@code <workload>-<metric>}, Prometheus provider, background (no
 * {@code count}).
 *
 * <p>Each template measures only the canary of its own workload: it takes the argument {@value
 * #HASH_ARG}, which the Rollout fills with the canary's pod-template hash ({@code
 * valueFrom.podTemplateHashValue: Latest}), and every selector of its query carries {@code
 * <hashLabel>="{{args.canary-hash}}"} (platform.yaml {@code canary.hashLabel}).
 *
 * <p>No data is not a pass: an empty result (no series) and NaN (0/0, no requests) satisfy neither
 * the success nor the failure condition, so the measurement is Inconclusive and, past {@value
 * #INCONCLUSIVE_LIMIT}, the Rollout pauses for a person. Both conditions guard {@code result[0]}
 * with {@code len(result) > 0}, so no data never becomes an evaluation error. The limits are
 * explained in docs/canary.md. Thresholds are printed in exact decimal form.
 *
 * <p>Templates are generated for the Rollouts the platform converted from Deployments and for the
 * overlay's Rollouts without analysis of their own; a Rollout with its own analysis keeps it
 * (docs/canary.md#the-seeds-layout).
 *
 * <p>Blocking analyses ({@link Gate}: a canary's analysis steps, a blueGreen's pre- and
 * post-promotion analysis) get templates of their own, {@code <workload>-<metric>-<gate>}, for the
 * converted Rollouts only: the same metric with {@value Gate#COUNT} measurements, so that the run
 * ends. Two templates of one name (metrics {@code x} and {@code x-step}) are an error.
 */
public record AnalysisTemplateGenerator(
    ServiceSpec service, ServiceSpec.Environment environment, PlatformSettings platform)
    implements Generator {

  /** The argument that carries the canary's pod-template hash. */
  static final String HASH_ARG = "canary-hash";

  /** How often a metric is measured. */
  static final String INTERVAL = "1m";

  /** The rate window of the built-in queries. */
  static final String WINDOW = "2m";

  /**
   * Wait one rate window before the first measurement, so that it sees a window of canary samples.
   */
  static final String INITIAL_DELAY = WINDOW;

  /** Two failed measurements (two minutes in a row or not) abort the rollout. */
  static final int FAILURE_LIMIT = 1;

  /** Three measurements without data pause the rollout. */
  static final int INCONCLUSIVE_LIMIT = 2;

  /** Five query errors in a row (Prometheus unreachable) abort: no gate, no promotion. */
  static final int CONSECUTIVE_ERROR_LIMIT = 4;

  /** A guard that makes {@code []} and {@code [NaN]} satisfy neither condition. */
  static final String HAS_DATA = "len(result) > 0 && !isNaN(result[0]) && ";

  static String templateName(String workload, ServiceSpec.Metric metric) {
    return workload + "-" + metric.name();
  }

  @Override
  public List<Resource> generate(ResourceList current) {
    ServiceSpec.Rollout rollout = environment.rollout();
    if (rollout == null || rollout.metrics().isEmpty() && !rollout.isBlueGreen()) {
      return List.of();
    }
    SliQueries sli =
        new SliQueries(platform.sli(), environment.namespace(), service.name(), environment.name())
            .scopedTo(platform.canary().hashLabel(), "{{args." + HASH_ARG + "}}");
    List<Resource> out = new ArrayList<>();
    Map<String, String> names = new HashMap<>(); // template name -> metric pointer; looked up only
    Problems problems = new Problems();
    for (String workload : rolloutsWithGeneratedAnalysis(current, rollout)) {
      boolean routed = passesCanaryService(current, workload);
      for (ServiceSpec.Metric m : rollout.metrics()) {
        out.add(template(templateName(workload, m), m, sli, null, names, problems, routed));
      }
    }
    for (Resource r : current.select(AnalysisTemplateGenerator::converted)) {
      // a canary's analysis steps run beside its background analysis and get the same arguments
      boolean routed = passesCanaryService(current, r.name());
      for (Gate gate : Gate.values()) {
        for (ServiceSpec.Metric m : gate.metrics(rollout)) {
          out.add(
              template(
                  gate.templateName(r.name(), m),
                  m,
                  sli,
                  gate,
                  names,
                  problems,
                  routed && gate == Gate.STEP));
        }
      }
    }
    problems.throwIfErrors();
    return out;
  }

  /**
   * Whether the Rollout {@code workload} passes the canary Service's name ({@link
   * TrafficRouterGenerator}, docs/traffic-routing.md#analysis): its templates declare it too.
   */
  private static boolean passesCanaryService(ResourceList current, String workload) {
    for (Resource r : current) {
      if (KindTables.is(r, KindTables.ROLLOUT) && r.name().equals(workload)) {
        ObjectNode analysis =
            Nodes.objectAt(r.body(), List.of("spec", "strategy", "canary", "analysis"));
        return analysis != null
            && Nodes.objects(analysis, "args").stream()
                .anyMatch(a -> TrafficRouterGenerator.SERVICE_ARG.equals(Trees.string(a, "name")));
      }
    }
    return false;
  }

  /** A Rollout the platform made from a Deployment. */
  private static boolean converted(Resource r) {
    return KindTables.is(r, KindTables.ROLLOUT)
        && r.previousIds().stream().anyMatch(id -> KindTables.DEPLOYMENT.sameGroupKind(id.gvk()));
  }

  /**
   * One template; {@code gate} null for the background analysis. A name already generated is an
   * error at the metric that asks for it again. {@code routed}: the Rollout passes the canary
   * Service's name, and the template declares it.
   */
  private Resource template(
      String name,
      ServiceSpec.Metric m,
      SliQueries sli,
      Gate gate,
      Map<String, String> names,
      Problems problems,
      boolean routed) {
    String pointer = metricPointer(gate, m);
    String first = names.putIfAbsent(name, pointer);
    if (first != null && !first.equals(pointer)) {
      problems.error(
          Nodes.at(service, pointer + "/name"),
          "metric \""
              + m.name()
              + "\" needs the AnalysisTemplate "
              + name
              + ", which the metric at line "
              + Nodes.at(service, first + "/name").line()
              + " already needs: rename one of the metrics");
    }
    ObjectNode body = Nodes.newObject(KindTables.ANALYSIS_TEMPLATE, name, environment.namespace());
    ObjectNode spec = body.putObject("spec");
    tools.jackson.databind.node.ArrayNode args = spec.putArray("args");
    args.addObject().put("name", HASH_ARG);
    if (routed) {
      args.addObject().put("name", TrafficRouterGenerator.SERVICE_ARG);
    }
    ObjectNode metric = spec.putArray("metrics").addObject();
    metric.put("name", m.name());
    metric.put("interval", INTERVAL);
    if (gate != null) {
      metric.put("count", Gate.COUNT);
    }
    metric.put("initialDelay", INITIAL_DELAY);
    metric.put("failureLimit", FAILURE_LIMIT);
    metric.put("inconclusiveLimit", INCONCLUSIVE_LIMIT);
    metric.put("consecutiveErrorLimit", CONSECUTIVE_ERROR_LIMIT);
    String query;
    if (m instanceof ServiceSpec.SuccessRate s) {
      String ratio = SliQueries.plain(s.ratio());
      query = sli.analysisSuccessRatio(WINDOW);
      metric.put("successCondition", HAS_DATA + "result[0] >= " + ratio);
      metric.put("failureCondition", HAS_DATA + "result[0] < " + ratio);
    } else if (m instanceof ServiceSpec.Latency l) {
      String seconds = SliQueries.plain(l.seconds());
      query = sli.latencyP99(WINDOW);
      metric.put("successCondition", HAS_DATA + "result[0] <= " + seconds);
      metric.put("failureCondition", HAS_DATA + "result[0] > " + seconds);
    } else {
      ServiceSpec.Custom c = (ServiceSpec.Custom) m; // the third of the sealed Metric
      query = sli.substitute(c.query());
      if (c.successCondition() != null) {
        metric.put("successCondition", c.successCondition());
      }
      if (c.failureCondition() != null) {
        metric.put("failureCondition", c.failureCondition());
      }
    }
    ObjectNode prometheus = metric.putObject("provider").putObject("prometheus");
    prometheus.put("address", platform.prometheus().address());
    prometheus.put("query", query);
    return Nodes.generated(body, Nodes.at(service, pointer));
  }

  /**
   * Where a metric is in service.yaml: {@code rollout.analysis} (background, steps) or a gate's.
   */
  private String metricPointer(Gate gate, ServiceSpec.Metric m, Object... more) {
    Object[] path = new Object[more.length + 4];
    path[0] = "rollout";
    path[1] = gate == null || gate == Gate.STEP ? "analysis" : gate.key;
    path[2] = "metrics";
    path[3] = m.index();
    System.arraycopy(more, 0, path, 4, more.length);
    return Nodes.envPointer(environment, path);
  }

  /**
   * The Rollouts that run service.yaml's analysis, in output order: those the platform converted
   * from Deployments, and the overlay's own Rollouts that had no analysis and got service.yaml's
   * ({@link CanaryRolloutTransformer}); a Rollout with analysis of its own keeps it and gets no
   * templates.
   */
  static List<String> rolloutsWithGeneratedAnalysis(
      ResourceList current, ServiceSpec.Rollout rollout) {
    List<String> out = new ArrayList<>();
    for (Resource r : current) {
      if (KindTables.is(r, KindTables.ROLLOUT)
          && (r.previousIds().stream().anyMatch(id -> KindTables.DEPLOYMENT.sameGroupKind(id.gvk()))
              || usesGeneratedAnalysis(r, rollout))) {
        out.add(r.name());
      }
    }
    return out;
  }

  /** Whether the Rollout's analysis is exactly what the platform gives it. */
  private static boolean usesGeneratedAnalysis(Resource r, ServiceSpec.Rollout rollout) {
    ObjectNode analysis =
        Nodes.objectAt(r.body(), List.of("spec", "strategy", "canary", "analysis"));
    if (analysis == null) {
      return false;
    }
    List<String> names = new ArrayList<>();
    for (ObjectNode t : Nodes.objects(analysis, "templates")) {
      names.add(Trees.string(t, "templateName"));
    }
    List<String> ours = new ArrayList<>();
    rollout.metrics().forEach(m -> ours.add(templateName(r.name(), m)));
    boolean hashArg =
        Nodes.objects(analysis, "args").stream()
            .anyMatch(
                a ->
                    HASH_ARG.equals(Trees.string(a, "name"))
                        && "Latest"
                            .equals(Trees.string(a.get("valueFrom"), "podTemplateHashValue")));
    return names.equals(ours) && hashArg;
  }

  /**
   * Warnings for canary gates looser than the SLO: a canary at 5 % errors under a 99.9 % objective
   * burns the budget 50x faster than sustainable and still passes
   * (docs/rendering.md#analysis-templates); and rollouts whose analysis never measures the canary.
   */
  @Override
  public List<Diagnostic> warnings(ResourceList output) {
    ServiceSpec.Rollout rollout = environment.rollout();
    ServiceSpec.Sla sla = service.sla();
    List<Diagnostic> out = new ArrayList<>();
    if (rollout == null) {
      return out;
    }
    if (!rollout.metrics().isEmpty()) {
      unmeasured(rollout).ifPresent(out::add);
    }
    // Thresholds are quoted only when some Rollout runs service.yaml's analysis.
    if (sla == null || rolloutsWithGeneratedAnalysis(output, rollout).isEmpty()) {
      return out;
    }
    // The background metrics (analysis steps measure the same ones), then a blueGreen's.
    List<Gate> gates = new ArrayList<>();
    gates.add(null);
    gates.add(Gate.PRE_PROMOTION);
    gates.add(Gate.POST_PROMOTION);
    for (Gate gate : gates) {
      List<ServiceSpec.Metric> metrics = gate == null ? rollout.metrics() : gate.metrics(rollout);
      for (ServiceSpec.Metric m : metrics) {
        if (m instanceof ServiceSpec.SuccessRate s
            && s.ratio() != null
            && sla.errorBudget() != null) {
          BigDecimal objective = BigDecimal.ONE.subtract(sla.errorBudget());
          if (s.ratio().compareTo(objective) < 0) {
            BigDecimal burn =
                BigDecimal.ONE
                    .subtract(s.ratio())
                    .divide(sla.errorBudget(), MathContext.DECIMAL64)
                    .setScale(1, RoundingMode.HALF_UP);
            out.add(
                Diagnostic.warning(
                    Nodes.at(service, metricPointer(gate, m, "threshold")),
                    "the "
                        + gateWord(gate)
                        + " success-rate >= "
                        + percent(s.ratio())
                        + "% is looser than the SLO availability "
                        + percent(objective)
                        + "%: "
                        + (gate == null ? "a canary" : "a new version")
                        + " at "
                        + percent(BigDecimal.ONE.subtract(s.ratio()))
                        + "% errors burns the error budget "
                        + SliQueries.plain(burn)
                        + "x faster than sustainable and still passes"));
          }
        }
        if (m instanceof ServiceSpec.Latency l
            && l.seconds() != null
            && sla.latencySeconds() != null
            && l.seconds().compareTo(sla.latencySeconds()) > 0) {
          out.add(
              Diagnostic.warning(
                  Nodes.at(service, metricPointer(gate, m, "threshold")),
                  "the "
                      + gateWord(gate)
                      + " latency p99 <= "
                      + SliQueries.plain(l.seconds())
                      + "s is looser than the SLO latency "
                      + SliQueries.plain(sla.latencySeconds())
                      + "s: "
                      + (gate == null ? "a canary" : "a new version")
                      + " that breaks the SLO still passes"));
        }
      }
    }
    return out;
  }

  /**
   * A warning when the canary never runs with traffic before the rollout completes: the first
   * {@code setWeight} above 0 is the last step, or there is none. Steps are never added to what
   * service.yaml says; the warning names the fix.
   */
  private Optional<Diagnostic> unmeasured(ServiceSpec.Rollout rollout) {
    List<ServiceSpec.Step> steps = rollout.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof ServiceSpec.SetWeight w && w.weight() > 0) {
        if (i + 1 < steps.size()) {
          return Optional.empty();
        }
        return Optional.of(
            Diagnostic.warning(
                Nodes.at(service, Nodes.envPointer(environment, "rollout", "steps", i)),
                "the first setWeight above 0 (setWeight "
                    + w.weight()
                    + ") is the last step of environment "
                    + environment.name()
                    + ": the rollout completes as soon as the canary gets traffic, so the analysis"
                    + " never measures it; add a pause after it (e.g. \"- pause: {duration: 5m}\"),"
                    + " or a smaller setWeight and a pause before it"));
      }
    }
    return Optional.of(
        Diagnostic.warning(
            Nodes.at(service, Nodes.envPointer(environment, "rollout", "steps")),
            "no step of environment "
                + environment.name()
                + " sends traffic to the canary (no setWeight above 0): after the last step the"
                + " rollout goes to 100% without the analysis having measured the canary; add a"
                + " setWeight and a pause after it (e.g. \"- setWeight: 10\" and \"- pause:"
                + " {duration: 5m}\")"));
  }

  /** How a warning names the analysis: the canary's (background and steps) or a blueGreen's. */
  private static String gateWord(Gate gate) {
    return gate == null ? "canary gate" : gate.suffix + " gate";
  }

  private static String percent(BigDecimal ratio) {
    return SliQueries.plain(ratio.movePointRight(2));
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    ServiceSpec.Rollout r = environment.rollout();
    if (r == null) {
      return "analysis templates: none";
    }
    List<String> parts = new ArrayList<>();
    if (!r.metrics().isEmpty()) {
      parts.add(String.join(", ", r.metrics().stream().map(ServiceSpec.Metric::name).toList()));
    }
    for (Gate gate : Gate.values()) {
      List<ServiceSpec.Metric> metrics = gate.metrics(r);
      if (!metrics.isEmpty()) {
        parts.add(
            gate.suffix
                + ": "
                + String.join(", ", metrics.stream().map(ServiceSpec.Metric::name).toList()));
      }
    }
    return "analysis templates: " + (parts.isEmpty() ? "none" : String.join("; ", parts));
  }
}
