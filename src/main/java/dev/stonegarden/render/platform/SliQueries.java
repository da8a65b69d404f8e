package dev.stonegarden.render.platform;

import dev.stonegarden.render.service.PlatformSettings;
import java.math.BigDecimal;

/**
 * The {@code sli} selector templates of platform.yaml with {@code {{namespace}}}, {@code
 * {{service}}} and {@code {{environment}}} substituted, and the PromQL built from them.
 */
record SliQueries(PlatformSettings.Sli sli, String namespace, String service, String environment) {

  String requests() {
    return substitute(sli.requests());
  }

  String errors() {
    return substitute(sli.errors());
  }

  String latencyBucket() {
    return substitute(sli.latencyBucket());
  }

  /** The error ratio over {@code window}: errors per second over requests per second. */
  String errorRatio(String window) {
    return "sum(rate("
        + errors()
        + "["
        + window
        + "])) / sum(rate("
        + requests()
        + "["
        + window
        + "]))";
  }

  /** The success ratio over {@code window} (docs/rendering.md#analysis-templates). */
  String successRatio(String window) {
    return "1 - " + errorRatio(window);
  }

  /** The 99th percentile latency in seconds over {@code window}. */
  String latencyP99(String window) {
    return "histogram_quantile(0.99, sum(rate(" + latencyBucket() + "[" + window + "])) by (le))";
  }

  private String substitute(String template) {
    return template
        .replace("{{namespace}}", namespace)
        .replace("{{service}}", service)
        .replace("{{environment}}", environment);
  }

  /**
   * A decimal in canonical form: {@code 0.95}, {@code 0.001}, {@code 14.4}, never an exponent or
   * float noise.
   */
  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
