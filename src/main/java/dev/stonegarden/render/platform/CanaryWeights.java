package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Without a traffic router a canary's weight is a share of pods: Argo Rollouts approximates {@code
 * setWeight} with whole replicas (argo-rollouts {@code utils/replicaset/canary.go}, {@code
 * approximateWeightedCanaryStableReplicaCounts}, ported here with its surge and tie rules). A
 * warning gives the real split when a step lands more than {@value #TOLERANCE} points from its
 * weight, and the smallest replica count that would approximate every step (docs/canary.md).
 * Rollouts an autoscaler scales are left out: their replica count is not in the manifests.
 */
record CanaryWeights(ServiceSpec service, ServiceSpec.Environment environment) implements Check {
  /** Percentage points a step may miss its weight by before a warning. */
  static final int TOLERANCE = 5;

  @Override
  public List<Diagnostic> check(ResourceList output) {
    ServiceSpec.Rollout rollout = environment.rollout();
    List<Diagnostic> out = new ArrayList<>();
    if (rollout == null) {
      return out;
    }
    Set<String> autoscaled = new HashSet<>(); // looked up only
    for (Resource r : output) {
      for (List<String> path : KindTables.TARGET_REFERENCES) {
        ObjectNode ref = Nodes.objectAt(r.body(), path);
        if (ref != null && Trees.string(ref, "kind").equals("Rollout")) {
          autoscaled.add(Trees.string(ref, "name"));
        }
      }
    }
    for (Resource r : output) {
      ObjectNode canary = Nodes.objectAt(r.body(), List.of("spec", "strategy", "canary"));
      if (!KindTables.is(r, KindTables.ROLLOUT)
          || canary == null
          || canary.has("trafficRouting")
          || autoscaled.contains(r.name())) {
        continue;
      }
      JsonNode replicasNode = r.body().at("/spec/replicas");
      if (!replicasNode.isMissingNode() && !replicasNode.isIntegralNumber()) {
        continue;
      }
      int replicas = replicasNode.isMissingNode() ? 1 : replicasNode.intValue();
      if (replicas <= 0) {
        continue;
      }
      JsonNode maxSurge = canary.get("maxSurge");
      List<String> off = new ArrayList<>();
      int first = -1;
      for (int i = 0; i < rollout.steps().size(); i++) {
        if (rollout.steps().get(i) instanceof ServiceSpec.SetWeight w
            && w.weight() > 0
            && w.weight() < 100) {
          int[] split = split(replicas, w.weight(), surge(maxSurge, replicas));
          double actual = 100.0 * split[0] / (split[0] + split[1]);
          if (Math.abs(actual - w.weight()) > TOLERANCE) {
            first = first < 0 ? i : first;
            off.add(
                String.format(
                    Locale.ROOT,
                    "setWeight %d runs %d canary pod%s beside %d stable (%s%%)",
                    w.weight(),
                    split[0],
                    split[0] == 1 ? "" : "s",
                    split[1],
                    percent(actual)));
          }
        }
      }
      if (off.isEmpty()) {
        continue;
      }
      int enough = enoughReplicas(rollout, maxSurge);
      out.add(
          Diagnostic.warning(
              Nodes.at(service, Nodes.envPointer(environment, "rollout", "steps", first)),
              Nodes.describe(r)
                  + " runs "
                  + replicas
                  + " replica"
                  + (replicas == 1 ? "" : "s")
                  + " without a traffic router, so a step's weight is a share of pods: "
                  + String.join("; ", off)
                  + (enough > 0
                      ? "; with "
                          + enough
                          + " replicas every step is within "
                          + TOLERANCE
                          + " points of its weight"
                      : "")
                  + " (or route traffic: a router sets the weight exactly)"));
    }
    return out;
  }

  private static int enoughReplicas(ServiceSpec.Rollout rollout, JsonNode maxSurge) {
    for (int n = 1; n <= 100; n++) {
      boolean ok = true;
      for (ServiceSpec.Step s : rollout.steps()) {
        if (s instanceof ServiceSpec.SetWeight w && w.weight() > 0 && w.weight() < 100) {
          int[] split = split(n, w.weight(), surge(maxSurge, n));
          ok &= Math.abs(100.0 * split[0] / (split[0] + split[1]) - w.weight()) <= TOLERANCE;
        }
      }
      if (ok) {
        return n;
      }
    }
    return -1;
  }

  private static String percent(double p) {
    return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
  }

  /**
   * maxSurge as a pod count: an integer, or a percentage of the replicas rounded up; Argo's default
   * is 25%.
   */
  static int surge(JsonNode maxSurge, int replicas) {
    if (maxSurge != null && maxSurge.isIntegralNumber()) {
      return maxSurge.intValue();
    }
    String text = maxSurge != null && maxSurge.isString() ? maxSurge.stringValue() : "25%";
    try {
      int percent = Integer.parseInt(text.replace("%", ""));
      return (int) Math.ceil(replicas * percent / 100.0);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * {canary, stable} pods for {@code weight} of {@code replicas}, as Argo Rollouts chooses them.
   */
  static int[] split(int replicas, int weight, int maxSurge) {
    int maxWeight = 100;
    int ceil = (int) Math.ceil((double) replicas * weight / maxWeight);
    int floor = (int) Math.floor((double) replicas * weight / maxWeight);
    boolean zeroAllowed = weight == maxWeight || weight == 0 || replicas == 1 && maxSurge == 0;
    List<int[]> options = new ArrayList<>(); // {canary, total}
    if (ceil < replicas || zeroAllowed) {
      options.add(new int[] {ceil, replicas});
    }
    if (!tied(weight, replicas) && (floor != 0 || zeroAllowed)) {
      options.add(new int[] {floor, replicas});
    }
    if (maxSurge > 0) {
      options.add(new int[] {ceil, replicas + 1});
      if (!tied(weight, replicas + 1) && (floor != 0 || zeroAllowed)) {
        options.add(new int[] {floor, replicas + 1});
      }
    }
    if (options.isEmpty()) {
      return new int[] {0, replicas};
    }
    int[] best = options.get(0);
    for (int[] o : options) {
      if (delta(weight, o) < delta(weight, best)) {
        best = o;
      }
    }
    return new int[] {best[0], best[1] - best[0]};
  }

  private static boolean tied(int weight, int total) {
    double v = total * (weight / 100.0);
    return v - Math.floor(v) == 0.5;
  }

  private static double delta(int weight, int[] option) {
    return Math.abs((double) option[0] * 100 / option[1] - weight);
  }
}
