package dev.stonegarden.render.platform;

import dev.stonegarden.render.service.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code strategy.blueGreen} of a Rollout converted from a Deployment (docs/blue-green.md): the
 * promotion settings as service.yaml writes them (unset ones keep Argo Rollouts' defaults), and the
 * pre- and post-promotion analysis naming the templates {@link AnalysisTemplateGenerator}
 * generates. {@code activeService} and {@code previewService} are set by {@link
 * PreviewServiceGenerator}, which knows the workload's Service.
 */
final class BlueGreenStrategy {
  private BlueGreenStrategy() {}

  static ObjectNode of(String workload, ServiceSpec.BlueGreen blueGreen) {
    ObjectNode out = Nodes.object();
    if (blueGreen.autoPromotionEnabled() != null) {
      out.put("autoPromotionEnabled", blueGreen.autoPromotionEnabled());
    }
    if (blueGreen.autoPromotionSeconds() != null) {
      out.put("autoPromotionSeconds", blueGreen.autoPromotionSeconds());
    }
    if (blueGreen.scaleDownDelaySeconds() != null) {
      out.put("scaleDownDelaySeconds", blueGreen.scaleDownDelaySeconds());
    }
    gate(out, "prePromotionAnalysis", workload, Gate.PRE_PROMOTION, blueGreen.prePromotion());
    gate(out, "postPromotionAnalysis", workload, Gate.POST_PROMOTION, blueGreen.postPromotion());
    return out;
  }

  private static void gate(
      ObjectNode out, String key, String workload, Gate gate, List<ServiceSpec.Metric> metrics) {
    if (metrics.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    metrics.forEach(m -> names.add(gate.templateName(workload, m)));
    out.set(key, Gate.analysis(names));
  }
}
