package dev.stonegarden.render.appset;

import java.util.List;

/** The extensions every generated Application goes through, as one literal list. */
public final class ApplicationExtensions {
  private ApplicationExtensions() {}

  /**
   * Every extension, in order; add new ones here (routers' ignoreDifferences, Kargo's
   * authorized-stage annotation).
   */
  public static List<ApplicationExtension> all() {
    return List.of(new HpaScaledReplicas(), new TrafficRouterIgnores(), new KargoAuthorizedStage());
  }
}
