package dev.stonegarden.render.appset;

import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code /spec/replicas} of every rendered workload that a HorizontalPodAutoscaler (or a KEDA
 * ScaledObject) of the same environment scales: the autoscaler owns the field, and without the
 * entry every sync would reset it to the rendered value. Computed from what the environment
 * renders, so the canary's HPA (re-pointed to the Rollout) gives a Rollout entry and an environment
 * without an HPA gives none.
 */
public record HpaScaledReplicas() implements ApplicationExtension {

  @Override
  public List<IgnoreDifference> ignoreDifferences(RenderedEnvironment environment) {
    List<IgnoreDifference> out = new ArrayList<>();
    for (Resource scaler : environment.resources()) {
      Gvk gvk = scaler.gvk();
      boolean hpa =
          gvk.group().equals("autoscaling") && gvk.kind().equals("HorizontalPodAutoscaler");
      boolean keda = gvk.group().equals("keda.sh") && gvk.kind().equals("ScaledObject");
      if (!hpa && !keda) {
        continue;
      }
      JsonNode ref = scaler.body().path("spec").path("scaleTargetRef");
      String name = Trees.text(ref.path("name"));
      // KEDA defaults the target to an apps/v1 Deployment.
      String apiVersion = ref.path("apiVersion").asString(keda ? "apps/v1" : "");
      String kind = ref.path("kind").asString(keda ? "Deployment" : "");
      if (name.isEmpty() || kind.isEmpty()) {
        continue;
      }
      Gvk target = Gvk.of(apiVersion, kind);
      for (Resource r : environment.resources()) {
        if (r.gvk().sameGroupKind(target) && name.equals(r.name())) {
          IgnoreDifference entry =
              IgnoreDifference.pointers(target.group(), kind, name, "/spec/replicas");
          if (!out.contains(entry)) {
            out.add(entry);
          }
        }
      }
    }
    return out;
  }
}
