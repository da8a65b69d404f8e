package dev.stonegarden.render.appset;

import dev.stonegarden.render.kargo.KargoPipeline;
import java.util.Map;

/**
 * Kargo's {@code kargo.akuity.io/authorized-stage: <project>:<stage>} on the Application of each
 * environment when platform.yaml's {@code kargo.enabled} is true: without it Kargo's {@code
 * argocd-update} step refuses to touch the Application (docs/promotion.md#kargo). The project is
 * the one {@code kargo} prints for the service, the stage is the environment.
 */
public record KargoAuthorizedStage() implements ApplicationExtension {

  @Override
  public Map<String, String> annotations(RenderedEnvironment environment) {
    if (!environment.platform().kargo().enabled()) {
      return Map.of();
    }
    return Map.of(
        KargoPipeline.AUTHORIZED_STAGE,
        KargoPipeline.authorizedStage(
            environment.platform(),
            environment.service().name(),
            environment.environment().name()));
  }
}
