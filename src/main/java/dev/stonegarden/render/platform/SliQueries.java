package dev.stonegarden.render.platform;

import dev.stonegarden.render.service.PlatformSettings;
import java.math.BigDecimal;

/**
 * The {@code sli} selector templates of platform.yaml with {@code {{namespace}}}, {@code
 * {{service}}} and {@code {{environment}}} substituted, and the PromQL built from them.
 *
 * @param canaryMatcher a label matcher added to every selector ({@code
 *     rollouts_pod_template_hash="{{args.canary-hash}}"}), or null for the whole environment
 */
record SliQueries(
    PlatformSettings.Sli sli,
    String namespace,
    String service,
    String environment,
    String canaryMatcher) {

  SliQueries(PlatformSettings.Sli sli, String namespace, String service, String environment) {
    this(sli, namespace, service, environment, null);
  }

  /**
   * The same queries restricted to the series whose {@code label} equals {@code value}: the
   * canary's pods (docs/canary.md).
   */
  SliQueries scopedTo(String label, String value) {
    return new SliQueries(
        sli, namespace, service, environment, label + "=\"" + escape(value) + "\"");
  }

  String requests() {
    return scoped(substitute(sli.requests()));
  }

  String errors() {
    return scoped(substitute(sli.errors()));
  }

  String latencyBucket() {
    return scoped(substitute(sli.latencyBucket()));
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

  /**
   * The success ratio over {@code window} for canary analysis: an error counter that was never
   * incremented has no series, so the error side defaults to zero ({@code or vector(0)}); no
   * requests at all still gives no result (no series) or NaN (0/0), which analysis reads as "no
   * data" (docs/canary.md).
   */
  String analysisSuccessRatio(String window) {
    return "1 - (sum(rate("
        + errors()
        + "["
        + window
        + "])) or vector(0)) / sum(rate("
        + requests()
        + "["
        + window
        + "]))";
  }

  /** The 99th percentile latency in seconds over {@code window}. */
  String latencyP99(String window) {
    return "histogram_quantile(0.99, sum(rate(" + latencyBucket() + "[" + window + "])) by (le))";
  }

  /** {@code template} with the placeholders of docs/platform-yaml.md#specsli substituted. */
  String substitute(String template) {
    return template
        .replace("{{namespace}}", namespace)
        .replace("{{service}}", service)
        .replace("{{environment}}", environment);
  }

  /**
   * {@code selector} (a plain vector selector, checked when platform.yaml is read) with the canary
   * matcher added as its last label matcher.
   */
  private String scoped(String selector) {
    if (canaryMatcher == null) {
      return selector;
    }
    String s = selector.strip();
    if (!s.endsWith("}")) {
      return s + "{" + canaryMatcher + "}";
    }
    String inside = s.substring(0, s.length() - 1).stripTrailing();
    String separator = inside.endsWith("{") || inside.endsWith(",") ? "" : ",";
    return inside + separator + canaryMatcher + "}";
  }

  /** A PromQL double-quoted string's content. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * A decimal in canonical form: {@code 0.95}, {@code 0.001}, {@code 14.4}, never an exponent or
   * float noise.
   */
  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
