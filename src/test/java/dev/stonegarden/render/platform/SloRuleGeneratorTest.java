package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloRuleGeneratorTest {

  static ResourceList generate(ServiceSpec.Sla sla, ServiceSpec.Environment env) {
    ServiceSpec service = Fixtures.service(sla, List.of(), null, env);
    return new ResourceList(
        new SloRuleGenerator(service, env, Fixtures.platform()).generate(new ResourceList()));
  }

  @Test
  void availabilityAndLatencyRulesInAMonitoredEnvironment() {
    ResourceList out = generate(Fixtures.sla(), Fixtures.production());
    String ns = "{namespace=\"audiobookshelf\"}";
    String err = "{namespace=\"audiobookshelf\",code=~\"5..\"}";
    String sel = "{service=\"audiobookshelf\",environment=\"production\",slo=\"availability\"}";
    StringBuilder recordings = new StringBuilder();
    for (String w : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d")) {
      recordings.append(
          """
              - record: slo:sli_error:ratio_rate%s
                expr: 'sum(rate(http_requests_total%s[%s])) / sum(rate(http_requests_total%s[%s]))'
                labels: {service: audiobookshelf, environment: production, slo: availability}
          """
              .formatted(w, err, w, ns, w));
    }
    StringBuilder alerts = new StringBuilder();
    String[][] rows = {
      {"page", "14.4", "1h", "5m"},
      {"page", "6", "6h", "30m"},
      {"ticket", "3", "1d", "2h"},
      {"ticket", "1", "3d", "6h"}
    };
    for (String[] r : rows) {
      alerts.append(
          """
              - alert: SLOErrorBudgetBurn
                expr: 'slo:sli_error:ratio_rate%3$s%5$s > (%2$s * 0.001) and slo:sli_error:ratio_rate%4$s%5$s > (%2$s * 0.001)'
                labels: {severity: %1$s, team: product, service: audiobookshelf, environment: production, slo: availability, long_window: %3$s, short_window: %4$s}
                annotations:
                  summary: audiobookshelf (production) is burning its error budget %2$sx faster than sustainable over %3$s and %4$s (objective 99.9%% availability)
                  slack_channel: "#audiobookshelf"
          """
              .formatted(r[0], r[1], r[2], r[3], sel));
    }
    assertResources(
        """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: audiobookshelf-slo
          namespace: audiobookshelf
          labels: {release: kube-prometheus-stack}
        spec:
          groups:
          - name: audiobookshelf-slo-availability-recordings
            rules:
        """
            + recordings
            + """
          - name: audiobookshelf-slo-availability-alerts
            rules:
        """
            + alerts
            + """
          - name: audiobookshelf-slo-latency
            rules:
            - record: slo:sli_latency_seconds:p99_rate5m
              expr: 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{namespace="audiobookshelf"}[5m])) by (le))'
              labels: {service: audiobookshelf, environment: production, slo: latency}
            - alert: SLOLatencyAboveObjective
              expr: 'slo:sli_latency_seconds:p99_rate5m{service="audiobookshelf",environment="production",slo="latency"} > 0.1'
              for: 10m
              labels: {severity: ticket, team: product, service: audiobookshelf, environment: production, slo: latency}
              annotations:
                summary: audiobookshelf (production) p99 latency has been above its objective of 0.1s for 10 minutes
                slack_channel: "#audiobookshelf"
        """,
        out);
  }

  @Test
  void theBudgetIsExactForAnyObjective() {
    ServiceSpec.Sla sla =
        new ServiceSpec.Sla(
            new BigDecimal("99.95"),
            new BigDecimal("100").subtract(new BigDecimal("99.95")).movePointLeft(2),
            null);
    ResourceList out = generate(sla, Fixtures.production());
    String expr = out.get(0).body().at("/spec/groups/1/rules/0/expr").stringValue();
    assertTrue(expr.endsWith("> (14.4 * 0.0005)"), expr);
    assertEquals(
        2, out.get(0).body().at("/spec/groups").size(), "no latency objective, no latency group");
  }

  @Test
  void onlyInMonitoredEnvironmentsAndOnlyWithAnSla() {
    assertTrue(generate(Fixtures.sla(), Fixtures.dev()).isEmpty());
    assertTrue(generate(null, Fixtures.production()).isEmpty());
    assertFalse(generate(Fixtures.sla(), Fixtures.production()).isEmpty());
  }
}
