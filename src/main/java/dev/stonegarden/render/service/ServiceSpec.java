package dev.stonegarden.render.service;

import dev.stonegarden.render.yaml.SourceMap;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A bound, validated {@code service.yaml} ({@code platform.stonegarden.dev/v1alpha1 Service},
 * docs/service-yaml.md).
 *
 * <p>Maps are insertion-ordered ({@code LinkedHashMap} copies) and lists are immutable. Optional
 * blocks are {@code null} when absent. {@link #sourceMap()} gives positions for diagnostics that
 * later steps raise about this file (JSON pointers such as {@code /spec/dependencies/1}).
 */
public record ServiceSpec(
    String name,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    String description,
    Owner owner,
    List<Environment> environments,
    List<String> dependencies,
    Sla sla,
    Monitoring monitoring,
    List<FeatureFlag> featureFlags,
    Path file,
    SourceMap sourceMap) {

  public ServiceSpec {
    featureFlags = featureFlags == null ? List.of() : List.copyOf(featureFlags);
  }

  /** {@code spec.owner}: the team that owns the service, and how to reach it. */
  public record Owner(String team, String slack, String email) {}

  /**
   * One stage of the pipeline the service runs in.
   *
   * @param cluster Argo CD destination cluster name; default {@code in-cluster}
   * @param rollout the canary block, or {@code null} for a plain Deployment environment
   * @param index position in {@code spec.environments} (for source positions)
   */
  public record Environment(
      String name,
      String cluster,
      String namespace,
      boolean autoSync,
      Rollout rollout,
      int index) {}

  /**
   * {@code rollout}: a canary with its steps and the metrics of its background analysis, or a
   * blueGreen (docs/blue-green.md) with its promotion settings.
   *
   * @param steps the canary steps; empty for blueGreen
   * @param metrics the background analysis of a canary; empty for blueGreen
   * @param routing the traffic-routing part (docs/traffic-routing.md): the environment's router
   *     override and the canary fields that depend on a router
   * @param blueGreen the blueGreen settings, or {@code null} for a canary
   */
  public record Rollout(
      String strategy,
      List<Step> steps,
      List<Metric> metrics,
      CanaryRouting routing,
      BlueGreen blueGreen) {
    public static final String CANARY = "canary";
    public static final String BLUE_GREEN = "blueGreen";

    /** A canary without traffic-routing settings. */
    public Rollout(String strategy, List<Step> steps, List<Metric> metrics) {
      this(strategy, steps, metrics, CanaryRouting.NONE, null);
    }

    /** A canary. */
    public Rollout(String strategy, List<Step> steps, List<Metric> metrics, CanaryRouting routing) {
      this(strategy, steps, metrics, routing, null);
    }

    /** A blueGreen (or a canary when {@code blueGreen} is null), without traffic routing. */
    public Rollout(String strategy, List<Step> steps, List<Metric> metrics, BlueGreen blueGreen) {
      this(strategy, steps, metrics, CanaryRouting.NONE, blueGreen);
    }

    public Rollout {
      routing = routing == null ? CanaryRouting.NONE : routing;
    }

    public boolean isBlueGreen() {
      return blueGreen != null;
    }

    /**
     * The names of the routes the steps set ({@code setHeaderRoute}, {@code setMirrorRoute}), in
     * step order, each once: Argo Rollouts' {@code managedRoutes} (docs/traffic-routing.md).
     */
    public List<String> managedRoutes() {
      List<String> names = new java.util.ArrayList<>();
      for (Step s : steps) {
        String name =
            s instanceof SetHeaderRoute h
                ? h.name()
                : s instanceof SetMirrorRoute m ? m.name() : null;
        if (name != null && !names.contains(name)) {
          names.add(name);
        }
      }
      return List.copyOf(names);
    }
  }

  /**
   * The blueGreen settings of a {@code rollout} (docs/blue-green.md); null fields were not written
   * (Argo Rollouts' defaults apply).
   *
   * @param prePromotion metrics of {@code prePromotionAnalysis}, measured on the preview before it
   *     becomes active; empty when absent
   * @param postPromotion metrics of {@code postPromotionAnalysis}, measured after the switch; empty
   *     when absent
   */
  public record BlueGreen(
      Boolean autoPromotionEnabled,
      Integer autoPromotionSeconds,
      Integer scaleDownDelaySeconds,
      List<Metric> prePromotion,
      List<Metric> postPromotion) {}

  /**
   * The router-dependent fields of a canary (docs/traffic-routing.md).
   *
   * @param trafficRouting {@code rollout.trafficRouting}: this environment's router, overriding
   *     platform.yaml's; null = platform.yaml's
   * @param antiAffinity {@code preferred} (with {@code antiAffinityWeight}) or {@code required}, or
   *     null
   * @param scaleDownDelaySeconds null = Argo Rollouts' default
   * @param abortScaleDownDelaySeconds null = Argo Rollouts' default
   * @param maxSurge as written: digits, or digits and {@code %}; null = the Deployment's
   * @param maxUnavailable as written; null = the Deployment's
   */
  public record CanaryRouting(
      PlatformSettings.TrafficRouting trafficRouting,
      String antiAffinity,
      int antiAffinityWeight,
      Integer scaleDownDelaySeconds,
      Integer abortScaleDownDelaySeconds,
      boolean dynamicStableScale,
      String maxSurge,
      String maxUnavailable) {
    public static final CanaryRouting NONE =
        new CanaryRouting(null, null, 0, null, null, false, null, null);

    /** The router of this environment: its override, else platform.yaml's. */
    public PlatformSettings.TrafficRouting effective(PlatformSettings platform) {
      return trafficRouting != null ? trafficRouting : platform.trafficRouting();
    }
  }

  /**
   * A canary step: {@link SetWeight}, {@link Pause}, {@link AnalysisStep}, or a router step ({@link
   * SetCanaryScale}, {@link SetHeaderRoute}, {@link SetMirrorRoute}).
   */
  public sealed interface Step
      permits SetWeight, Pause, AnalysisStep, SetCanaryScale, SetHeaderRoute, SetMirrorRoute {}

  /**
   * {@code setCanaryScale}: exactly one of {@code weight} (percent of the replicas), {@code
   * replicas}, or {@code matchTrafficWeight: true}.
   */
  public record SetCanaryScale(Integer weight, Integer replicas, boolean matchTrafficWeight)
      implements Step {}

  /**
   * {@code setHeaderRoute}: requests whose headers all match go to the canary.
   *
   * @param name the managed route's name
   */
  public record SetHeaderRoute(String name, List<HeaderMatch> match) implements Step {
    public SetHeaderRoute {
      match = List.copyOf(match);
    }
  }

  /** One header of a {@link SetHeaderRoute}: its name and how its value matches. */
  public record HeaderMatch(String headerName, StringMatch headerValue) {}

  /** A string match: {@code type} is {@code exact}, {@code prefix} or {@code regex}. */
  public record StringMatch(String type, String value) {}

  /**
   * {@code setMirrorRoute}: a copy of the matching requests ({@code percentage} of them, null =
   * all) goes to the canary as well.
   */
  public record SetMirrorRoute(String name, Integer percentage, List<MirrorMatch> match)
      implements Step {
    public SetMirrorRoute {
      match = List.copyOf(match);
    }
  }

  /**
   * One match of a {@link SetMirrorRoute}: method, path and headers, each optional (null or empty).
   */
  public record MirrorMatch(
      StringMatch method, StringMatch path, Map<String, StringMatch> headers) {}

  /**
   * {@code analysis: {metrics: [...]}}: a blocking analysis at this step
   * (docs/canary.md#analysis-steps) of metrics named in {@code rollout.analysis.metrics}.
   *
   * @param metrics the metric names, in the order written
   */
  public record AnalysisStep(List<String> metrics) implements Step {}

  /** {@code setWeight: N}, 0..100. */
  public record SetWeight(int weight) implements Step {}

  /**
   * {@code pause: {duration: D}}; {@code duration} is as written ({@code 10m}, or an integer's
   * text), null = wait for a manual promote.
   */
  public record Pause(String duration) implements Step {}

  /**
   * One analysis metric: one of the two built in, with a threshold, or one of the service's own
   * with its query (docs/canary.md). Every metric has its name and its position in its list ({@code
   * analysis.metrics}, a gate's {@code metrics}), for source positions.
   */
  public sealed interface Metric permits SuccessRate, Latency, Custom {
    String name();

    int index();
  }

  /**
   * {@code success-rate}.
   *
   * @param ratio the threshold percentage as a ratio, exact ({@code 95} → {@code 0.95})
   */
  public record SuccessRate(String name, BigDecimal ratio, int index) implements Metric {}

  /**
   * {@code latency}.
   *
   * @param seconds the threshold duration in seconds, exact ({@code 100ms} → {@code 0.1})
   */
  public record Latency(String name, BigDecimal seconds, int index) implements Metric {}

  /**
   * A metric of the service's own.
   *
   * @param query PromQL, with the {@code {{...}}} placeholders of sli templates
   * @param successCondition passed through
   * @param failureCondition passed through, optional
   */
  public record Custom(
      String name, String query, String successCondition, String failureCondition, int index)
      implements Metric {}

  /**
   * {@code spec.sla}.
   *
   * @param availabilityPercent as written, e.g. {@code 99.9}; null when absent
   * @param errorBudget {@code 1 - availability/100}, exact ({@code 0.001})
   * @param latencySeconds the latency objective in seconds, exact; null when absent
   */
  public record Sla(
      BigDecimal availabilityPercent, BigDecimal errorBudget, BigDecimal latencySeconds) {}

  /** {@code spec.monitoring}: paths relative to the service directory. */
  public record Monitoring(List<String> dashboards, List<String> alerts) {}

  /**
   * One entry of {@code spec.featureFlags} (docs/feature-flags.md).
   *
   * @param variants variant name to value (a boolean, string, number or object node), in the order
   *     written
   * @param targeting the flag's own JsonLogic rule as written, or null (an empty map is null)
   * @param environments the environments the flag is rendered in, with state and default variant
   *     resolved: as listed, or every environment of the service when {@code environments} is
   *     absent
   * @param darkLaunch null unless the flag is a dark launch
   * @param index position in {@code spec.featureFlags} (for source positions)
   */
  public record FeatureFlag(
      String name,
      Map<String, JsonNode> variants,
      String defaultVariant,
      JsonNode targeting,
      Map<String, FlagEnvironment> environments,
      DarkLaunch darkLaunch,
      int index) {

    /** The flag in {@code envName}, or null when it is not rendered there. */
    public FlagEnvironment in(String envName) {
      return environments.get(envName);
    }

    /** Whether the flag is rendered in {@code envName} with state ENABLED. */
    public boolean enabledIn(String envName) {
      FlagEnvironment e = in(envName);
      return e != null && e.enabled();
    }
  }

  /**
   * A flag in one environment.
   *
   * @param state {@code ENABLED} or {@code DISABLED}
   * @param defaultVariant the variant served by default there (the flag's unless overridden)
   */
  public record FlagEnvironment(String state, String defaultVariant) {
    public static final String ENABLED = "ENABLED";

    public boolean enabled() {
      return ENABLED.equals(state);
    }
  }

  /**
   * {@code darkLaunch}: requests whose {@code header} equals {@code value} get {@code variant}
   * (docs/feature-flags.md#dark-launches).
   */
  public record DarkLaunch(String header, String value, String variant) {
    /**
     * The evaluation context key the application passes the header's value under: the header name
     * in lower case (docs/feature-flags.md#what-the-application-does).
     */
    public String contextKey() {
      return header.toLowerCase(Locale.ROOT);
    }
  }

  /** The flags rendered in {@code envName}, in service.yaml order. */
  public List<FeatureFlag> featureFlags(String envName) {
    return featureFlags.stream().filter(f -> f.in(envName) != null).toList();
  }

  /**
   * The flags that dark-launch in {@code envName}: a {@code darkLaunch} and state ENABLED there. In
   * a canary environment with a router, each one's header also routes to the canary
   * (docs/feature-flags.md#routing-testers-to-the-canary).
   */
  public List<FeatureFlag> darkLaunches(String envName) {
    return featureFlags.stream()
        .filter(f -> f.darkLaunch() != null && f.enabledIn(envName))
        .toList();
  }

  /** The directory that holds {@code service.yaml}. */
  public Path serviceDirectory() {
    return file.toAbsolutePath().getParent();
  }

  public Optional<Environment> environment(String envName) {
    return environments.stream().filter(e -> e.name().equals(envName)).findFirst();
  }
}
