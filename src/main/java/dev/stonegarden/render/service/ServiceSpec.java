package dev.stonegarden.render.service;

import dev.stonegarden.render.yaml.SourceMap;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    Path file,
    SourceMap sourceMap) {

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
   * @param blueGreen the blueGreen settings, or {@code null} for a canary
   */
  public record Rollout(
      String strategy, List<Step> steps, List<Metric> metrics, BlueGreen blueGreen) {
    public static final String CANARY = "canary";
    public static final String BLUE_GREEN = "blueGreen";

    /** A canary. */
    public Rollout(String strategy, List<Step> steps, List<Metric> metrics) {
      this(strategy, steps, metrics, null);
    }

    public boolean isBlueGreen() {
      return blueGreen != null;
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

  /** A canary step: {@link SetWeight}, {@link Pause} or {@link AnalysisStep}. */
  public sealed interface Step permits SetWeight, Pause, AnalysisStep {}

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
   * One analysis metric.
   *
   * @param name {@code success-rate}, {@code latency}, or any other name with its own query
   * @param successRatio for success-rate: the threshold percentage as a ratio, exact ({@code 95} →
   *     {@code 0.95})
   * @param latencySeconds for latency: the threshold duration in seconds, exact ({@code 100ms} →
   *     {@code 0.1})
   * @param query PromQL for custom metrics
   * @param successCondition custom metrics: passed through
   * @param failureCondition custom metrics: passed through, optional
   * @param index position in {@code analysis.metrics} (for source positions)
   */
  public record Metric(
      String name,
      BigDecimal successRatio,
      BigDecimal latencySeconds,
      String query,
      String successCondition,
      String failureCondition,
      int index) {}

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

  /** The directory that holds {@code service.yaml}. */
  public Path serviceDirectory() {
    return file.toAbsolutePath().getParent();
  }

  public Optional<Environment> environment(String envName) {
    return environments.stream().filter(e -> e.name().equals(envName)).findFirst();
  }
}
