package dev.stonegarden.render.platform;

import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The images each workload of a rendered environment runs (docs/rendering.md#values: Deployments,
 * StatefulSets, DaemonSets and Rollouts), for promotion and the pipeline order check.
 *
 * @param workload {@code metadata.name}
 * @param kind the workload's kind
 * @param images the {@code image} of every init container and container, in order
 * @param resource the rendered object (for the file it came from)
 */
public record WorkloadImages(String workload, String kind, List<String> images, Resource resource) {

  /** Every workload of {@code resources}, in their order. */
  public static List<WorkloadImages> of(ResourceList resources) {
    List<WorkloadImages> out = new ArrayList<>();
    for (Resource r : resources) {
      if (KindTables.workload(r) == null) {
        continue;
      }
      List<String> images = new ArrayList<>();
      ObjectNode podSpec = Nodes.objectAt(r.body(), List.of("spec", "template", "spec"));
      if (podSpec != null) {
        for (String key : List.of("initContainers", "containers")) {
          for (ObjectNode c : Nodes.objects(podSpec, key)) {
            if (c.get("image") != null && c.get("image").isString()) {
              images.add(c.get("image").stringValue());
            }
          }
        }
      }
      out.add(new WorkloadImages(r.name(), r.kind(), List.copyOf(images), r));
    }
    return out;
  }
}
