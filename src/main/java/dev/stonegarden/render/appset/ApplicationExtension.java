package dev.stonegarden.render.appset;

import java.util.List;
import java.util.Map;

/**
 * What a feature adds to the Application of each environment, computed from what that environment
 * renders (docs/appset.md#extension-points). The generator asks every extension of {@link
 * ApplicationExtensions#all()} for every environment; what they return becomes per-element values
 * of the list generator, applied through {@code templatePatch}.
 *
 * <p>Examples: {@link HpaScaledReplicas} (replicas an autoscaler owns); traffic routers (the
 * weights a canary Rollout writes into an HTTPRoute or VirtualService); Kargo (the {@code
 * kargo.akuity.io/authorized-stage} annotation that lets a Stage update the Application).
 */
public interface ApplicationExtension {

  /** Fields of rendered objects that Argo CD must neither diff nor overwrite. */
  default List<IgnoreDifference> ignoreDifferences(RenderedEnvironment environment) {
    return List.of();
  }

  /** Annotations of the Application (insertion order does not matter: they are sorted). */
  default Map<String, String> annotations(RenderedEnvironment environment) {
    return Map.of();
  }
}
