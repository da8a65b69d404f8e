package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about a rollout block the output cannot honour (docs/rendering.md#checks): the
 * environment asks for a rollout, but the output holds nothing that rolls out; a canary
 * dark-launches a feature flag (docs/feature-flags.md#routing-testers-to-the-canary), but no
 * Rollout routes traffic, so the header reaches the canary only by chance.
 *
 * @param overlayObjects how many objects the overlay rendered: with none, {@link PlatformChecks}
 *     has the error, and an empty output says nothing about the rollout
 */
record RolloutChecks(ServiceSpec service, ServiceSpec.Environment environment, int overlayObjects)
    implements Check {

  @Override
  public List<Diagnostic> check(ResourceList output) {
    List<Diagnostic> out = new ArrayList<>();
    if (overlayObjects > 0) {
      out.addAll(unusedRollout(output));
    }
    out.addAll(darkLaunchWithoutRouter(output));
    return out;
  }

  /**
   * A warning when the environment asks for a rollout but the output holds no Rollout (the overlay
   * has no Deployment, or only StatefulSets): nothing would roll out progressively.
   */
  private List<Diagnostic> unusedRollout(ResourceList output) {
    // A Deployment still in the output failed to convert and has its own error.
    if (environment.rollout() == null
        || output.asList().stream()
            .anyMatch(
                r ->
                    KindTables.is(r, KindTables.ROLLOUT)
                        || KindTables.is(r, KindTables.DEPLOYMENT))) {
      return List.of();
    }
    return List.of(
        Diagnostic.warning(
            Nodes.at(service, Nodes.envPointer(environment, "rollout")),
            "environment "
                + environment.name()
                + " has a rollout block, but the overlay renders no Deployment (or Rollout) to roll"
                + " out: expected at least one Deployment; nothing rolls out progressively"));
  }

  /**
   * The warning of a canary environment that dark-launches without a router: no Rollout of the
   * render routes traffic ({@link DarkLaunchRoutes} adds the routes when one does).
   */
  private List<Diagnostic> darkLaunchWithoutRouter(ResourceList resources) {
    List<ServiceSpec.FeatureFlag> flags = DarkLaunchRoutes.canaryDarkLaunches(service, environment);
    if (flags.isEmpty()) {
      return List.of();
    }
    for (Resource r : resources) {
      if (KindTables.is(r, KindTables.ROLLOUT)
          && Nodes.objectAt(r.body(), List.of("spec", "strategy", "canary", "trafficRouting"))
              != null) {
        return List.of();
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    for (ServiceSpec.FeatureFlag f : flags) {
      out.add(
          Diagnostic.warning(
              Nodes.at(service, DarkLaunchRoutes.darkLaunchPointer(f) + "/header"),
              "the dark launch of "
                  + f.name()
                  + " cannot send requests with "
                  + f.darkLaunch().header()
                  + " to the canary of environment "
                  + environment.name()
                  + ": it has no traffic router, so the canary's pods serve a share of all"
                  + " requests and testers reach them only by chance; choose a router"
                  + " (rollout.trafficRouting.router, docs/traffic-routing.md)"));
    }
    return out;
  }
}
