package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks {@code spec.dependencies} against the platform catalog and records them
 * (docs/rendering.md#dependencies): an unknown name is an error at its position in service.yaml
 * listing the known names; the names go into the annotation {@code <labelDomain>/dependencies}
 * (comma-separated, in service.yaml order) of every object with a pod template, where the pods that
 * use them are.
 */
public record DependencyTransformer(ServiceSpec service, PlatformSettings platform)
    implements Transformer {

  @Override
  public void transform(ResourceList resources) {
    List<String> dependencies = service.dependencies() == null ? List.of() : service.dependencies();
    if (dependencies.isEmpty()) {
      return;
    }
    Problems problems = new Problems();
    TreeSet<String> known = new TreeSet<>(platform.dependencies().keySet());
    for (int i = 0; i < dependencies.size(); i++) {
      String name = dependencies.get(i);
      if (!known.contains(name)) {
        String close = closest(name, known);
        problems.error(
            Nodes.at(service, Nodes.pointer("spec", "dependencies", i)),
            "unknown dependency "
                + name
                + (close == null ? "" : " (did you mean " + close + "?)")
                + ": expected a name from the platform catalog: "
                + (known.isEmpty() ? "none defined" : String.join(", ", known)));
      }
    }
    String annotation = String.join(",", dependencies);
    for (Resource r : resources) {
      if (KindTables.podTemplate(r) != null) {
        Nodes.child(r.metadata(), "annotations")
            .put(platform.labelDomain() + "/dependencies", annotation);
      }
    }
    problems.throwIfErrors();
  }

  /** The known name within edit distance 2 of {@code name}, the closest first, or null. */
  static String closest(String name, Iterable<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(name, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    return "dependencies: "
        + (service.dependencies() == null || service.dependencies().isEmpty()
            ? "none"
            : String.join(", ", service.dependencies()));
  }
}
