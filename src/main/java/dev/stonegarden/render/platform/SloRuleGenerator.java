package dev.stonegarden.render.platform;

import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SLO rules of a monitored environment (docs/rendering.md#slo-rules): a PrometheusRule {@code
 * <service>-slo} carrying {@code prometheus.ruleLabels} (Prometheus selects rules by them).
 *
 * <ul>
 *   <li>availability: recording rules {@code slo:sli_error:ratio_rate<window>} of the error ratio
 *       over 5m, 30m, 1h, 2h, 6h, 1d, 3d (Sloth's names), and four multi-window multi-burn-rate
 *       alerts as Sloth and the SRE workbook define them for a 30-day period: page at 14.4x over 1h
 *       and 5m and at 6x over 6h and 30m, ticket at 3x over 1d and 2h and at 1x over 3d and 6h. The
 *       budget is printed exactly ({@code 0.001}); no {@code for:}, the short window does that;
 *   <li>latency: the p99 from {@code latencyBucket} recorded over 5m, a ticket when it stays above
 *       the objective for 10m.
 * </ul>
 *
 * <p>Recorded series carry {@code service}, {@code environment} and {@code slo} labels and the
 * alerts select on them, so the same record names from many services never mix.
 */
public record SloRuleGenerator(
    ServiceSpec service, ServiceSpec.Environment environment, PlatformSettings platform)
    implements Generator {

  static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d");

  /** One row of the burn-rate table. */
  record BurnRate(String severity, String factor, String longWindow, String shortWindow) {}

  static final List<BurnRate> BURN_RATES =
      List.of(
          new BurnRate("page", "14.4", "1h", "5m"),
          new BurnRate("page", "6", "6h", "30m"),
          new BurnRate("ticket", "3", "1d", "2h"),
          new BurnRate("ticket", "1", "3d", "6h"));

  static final String ERROR_RECORD = "slo:sli_error:ratio_rate";
  static final String LATENCY_RECORD = "slo:sli_latency_seconds:p99_rate5m";

  @Override
  public List<Resource> generate(ResourceList current) {
    ServiceSpec.Sla sla = service.sla();
    if (sla == null || !platform.monitoring().environments().contains(environment.name())) {
      return List.of();
    }
    SliQueries sli =
        new SliQueries(platform.sli(), environment.namespace(), service.name(), environment.name());
    ObjectNode body =
        Nodes.newObject(
            "monitoring.coreos.com/v1",
            "PrometheusRule",
            service.name() + "-slo",
            environment.namespace());
    ObjectNode labels = body.withObject("/metadata").putObject("labels");
    new TreeMap<>(platform.prometheus().ruleLabels()).forEach(labels::put);
    ArrayNode groups = body.putObject("spec").putArray("groups");
    if (sla.errorBudget() != null) {
      availability(groups, sli, sla);
    }
    if (sla.latencySeconds() != null) {
      latency(groups, sli, sla.latencySeconds());
    }
    return List.of(Nodes.generated(body, Nodes.at(service, "/spec/sla")));
  }

  private void availability(ArrayNode groups, SliQueries sli, ServiceSpec.Sla sla) {
    ObjectNode recordings = groups.addObject();
    recordings.put("name", service.name() + "-slo-availability-recordings");
    ArrayNode rules = recordings.putArray("rules");
    for (String w : WINDOWS) {
      ObjectNode rule = rules.addObject();
      rule.put("record", ERROR_RECORD + w);
      rule.put("expr", sli.errorRatio(w));
      seriesLabels(rule.putObject("labels"), "availability");
    }
    ObjectNode alerts = groups.addObject();
    alerts.put("name", service.name() + "-slo-availability-alerts");
    ArrayNode alertRules = alerts.putArray("rules");
    String budget = SliQueries.plain(sla.errorBudget());
    String objective =
        SliQueries.plain(
            sla.availabilityPercent() != null
                ? sla.availabilityPercent()
                : BigDecimal.ONE.subtract(sla.errorBudget()).movePointRight(2));
    String selector = selector("availability");
    for (BurnRate b : BURN_RATES) {
      String threshold = " > (" + b.factor() + " * " + budget + ")";
      ObjectNode rule = alertRules.addObject();
      rule.put("alert", "SLOErrorBudgetBurn");
      rule.put(
          "expr",
          ERROR_RECORD
              + b.longWindow()
              + selector
              + threshold
              + " and "
              + ERROR_RECORD
              + b.shortWindow()
              + selector
              + threshold);
      ObjectNode l = alertLabels(rule, b.severity(), "availability");
      l.put("long_window", b.longWindow());
      l.put("short_window", b.shortWindow());
      annotations(
          rule,
          service.name()
              + " ("
              + environment.name()
              + ") is burning its error budget "
              + b.factor()
              + "x faster than sustainable over "
              + b.longWindow()
              + " and "
              + b.shortWindow()
              + " (objective "
              + objective
              + "% availability)");
    }
  }

  private void latency(ArrayNode groups, SliQueries sli, BigDecimal seconds) {
    ObjectNode group = groups.addObject();
    group.put("name", service.name() + "-slo-latency");
    ArrayNode rules = group.putArray("rules");
    ObjectNode record = rules.addObject();
    record.put("record", LATENCY_RECORD);
    record.put("expr", sli.latencyP99("5m"));
    seriesLabels(record.putObject("labels"), "latency");
    ObjectNode alert = rules.addObject();
    alert.put("alert", "SLOLatencyAboveObjective");
    alert.put("expr", LATENCY_RECORD + selector("latency") + " > " + SliQueries.plain(seconds));
    alert.put("for", "10m");
    alertLabels(alert, "ticket", "latency");
    annotations(
        alert,
        service.name()
            + " ("
            + environment.name()
            + ") p99 latency has been above its objective of "
            + SliQueries.plain(seconds)
            + "s for 10 minutes");
  }

  private void seriesLabels(ObjectNode labels, String slo) {
    labels.put("service", service.name());
    labels.put("environment", environment.name());
    labels.put("slo", slo);
  }

  private String selector(String slo) {
    return "{service=\""
        + service.name()
        + "\",environment=\""
        + environment.name()
        + "\",slo=\""
        + slo
        + "\"}";
  }

  private ObjectNode alertLabels(ObjectNode rule, String severity, String slo) {
    ObjectNode labels = rule.putObject("labels");
    labels.put("severity", severity);
    labels.put("team", service.owner().team());
    labels.put("service", service.name());
    labels.put("environment", environment.name());
    labels.put("slo", slo);
    return labels;
  }

  private void annotations(ObjectNode rule, String summary) {
    ObjectNode a = rule.putObject("annotations");
    a.put("summary", summary);
    String slack = service.owner().slack();
    if (slack != null && !slack.isEmpty()) {
      a.put("slack_channel", slack);
    }
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    ServiceSpec.Sla sla = service.sla();
    List<String> parts = new ArrayList<>();
    if (sla != null && sla.availabilityPercent() != null) {
      parts.add("availability " + sla.availabilityPercent().toPlainString() + "%");
    }
    if (sla != null && sla.latencySeconds() != null) {
      parts.add("latency " + SliQueries.plain(sla.latencySeconds()) + "s");
    }
    return "SLO alerts: " + (parts.isEmpty() ? "none (no sla)" : String.join(", ", parts));
  }
}
