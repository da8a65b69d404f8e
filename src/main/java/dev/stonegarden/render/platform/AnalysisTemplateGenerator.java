package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Argo Rollouts AnalysisTemplate per metric of the environment's rollout
 * (docs/rendering.md#analysis-templates), named {@code <service>-<metric>}: Prometheus provider,
 * background (no {@code count}), {@code interval: 1m}, {@code failureLimit: 1}.
 *
 * <p>Zero traffic must not abort a rollout: Prometheus answers an empty vector when no series exist
 * and NaN for 0/0, so the built-in conditions accept both ({@code len(result) == 0 ||
 * isNaN(result[0]) || …}; argo-rollouts #180, #1466). Thresholds are printed in exact decimal form.
 *
 * <p>Templates are generated only for Deployments the platform converted: a Rollout the overlay
 * brings owns its analysis (docs/rendering.md#canary-rollout).
 */
public record AnalysisTemplateGenerator(
    ServiceSpec service, ServiceSpec.Environment environment, PlatformSettings platform)
    implements Generator {

  static final String SUCCESS_RATE = "success-rate";
  static final String LATENCY = "latency";
  static final String ZERO_TRAFFIC = "len(result) == 0 || isNaN(result[0]) || ";

  static String templateName(ServiceSpec service, ServiceSpec.Metric metric) {
    return service.name() + "-" + metric.name();
  }

  @Override
  public List<Resource> generate(ResourceList current) {
    ServiceSpec.Rollout rollout = environment.rollout();
    if (rollout == null || rollout.metrics().isEmpty() || !hasConvertedRollout(current)) {
      return List.of();
    }
    SliQueries sli =
        new SliQueries(platform.sli(), environment.namespace(), service.name(), environment.name());
    List<Resource> out = new ArrayList<>();
    for (ServiceSpec.Metric m : rollout.metrics()) {
      ObjectNode body =
          Nodes.newObject(
              KindTables.ROLLOUT_API_VERSION,
              "AnalysisTemplate",
              templateName(service, m),
              environment.namespace());
      ObjectNode metric = body.putObject("spec").putArray("metrics").addObject();
      metric.put("name", m.name());
      metric.put("interval", "1m");
      metric.put("failureLimit", 1);
      String query;
      if (m.name().equals(SUCCESS_RATE)) {
        query = sli.successRatio("2m");
        metric.put(
            "successCondition",
            ZERO_TRAFFIC + "result[0] >= " + SliQueries.plain(m.successRatio()));
      } else if (m.name().equals(LATENCY)) {
        query = sli.latencyP99("2m");
        metric.put(
            "successCondition",
            ZERO_TRAFFIC + "result[0] <= " + SliQueries.plain(m.latencySeconds()));
      } else {
        query = m.query();
        if (m.successCondition() != null) {
          metric.put("successCondition", m.successCondition());
        }
        if (m.failureCondition() != null) {
          metric.put("failureCondition", m.failureCondition());
        }
      }
      ObjectNode prometheus = metric.putObject("provider").putObject("prometheus");
      prometheus.put("address", platform.prometheus().address());
      prometheus.put("query", query);
      out.add(Nodes.generated(body, Nodes.at(service, metricPointer(m))));
    }
    return out;
  }

  private String metricPointer(ServiceSpec.Metric m, Object... more) {
    Object[] path = new Object[more.length + 4];
    path[0] = "rollout";
    path[1] = "analysis";
    path[2] = "metrics";
    path[3] = m.index();
    System.arraycopy(more, 0, path, 4, more.length);
    return Nodes.envPointer(environment, path);
  }

  private static boolean hasConvertedRollout(ResourceList current) {
    for (Resource r : current) {
      if (KindTables.is(r, KindTables.ROLLOUT)
          && r.previousIds().stream().anyMatch(id -> KindTables.DEPLOYMENT.matches(id.gvk()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Warnings for canary gates looser than the SLO: a canary at 5 % errors under a 99.9 % objective
   * burns the budget 50x faster than sustainable and still passes
   * (docs/rendering.md#analysis-templates).
   */
  public List<Diagnostic> gateWarnings() {
    ServiceSpec.Rollout rollout = environment.rollout();
    ServiceSpec.Sla sla = service.sla();
    List<Diagnostic> out = new ArrayList<>();
    if (rollout == null || sla == null) {
      return out;
    }
    for (ServiceSpec.Metric m : rollout.metrics()) {
      if (m.name().equals(SUCCESS_RATE) && m.successRatio() != null && sla.errorBudget() != null) {
        BigDecimal objective = BigDecimal.ONE.subtract(sla.errorBudget());
        if (m.successRatio().compareTo(objective) < 0) {
          BigDecimal burn =
              BigDecimal.ONE
                  .subtract(m.successRatio())
                  .divide(sla.errorBudget(), MathContext.DECIMAL64)
                  .setScale(1, RoundingMode.HALF_UP);
          out.add(
              Diagnostic.warning(
                  Nodes.at(service, metricPointer(m, "threshold")),
                  "the canary gate success-rate >= "
                      + percent(m.successRatio())
                      + "% is looser than the SLO availability "
                      + percent(objective)
                      + "%: a canary at "
                      + percent(BigDecimal.ONE.subtract(m.successRatio()))
                      + "% errors burns the error budget "
                      + SliQueries.plain(burn)
                      + "x faster than sustainable and still passes"));
        }
      }
      if (m.name().equals(LATENCY)
          && m.latencySeconds() != null
          && sla.latencySeconds() != null
          && m.latencySeconds().compareTo(sla.latencySeconds()) > 0) {
        out.add(
            Diagnostic.warning(
                Nodes.at(service, metricPointer(m, "threshold")),
                "the canary gate latency p99 <= "
                    + SliQueries.plain(m.latencySeconds())
                    + "s is looser than the SLO latency "
                    + SliQueries.plain(sla.latencySeconds())
                    + "s: a canary that breaks the SLO still passes"));
      }
    }
    return out;
  }

  private static String percent(BigDecimal ratio) {
    return SliQueries.plain(ratio.movePointRight(2));
  }

  @Override
  public String toString() {
    ServiceSpec.Rollout r = environment.rollout();
    return "AnalysisTemplateGenerator[service="
        + service.name()
        + ", environment="
        + environment.name()
        + ", metrics="
        + (r == null ? "[]" : r.metrics().stream().map(ServiceSpec.Metric::name).toList())
        + "]";
  }
}
