package dev.stonegarden.render.platform;

import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.List;

/**
 * Records {@code spec.dependencies} (docs/rendering.md#dependencies): the names go into the
 * annotation {@code <labelDomain>/dependencies} (comma-separated, in service.yaml order) of every
 * object with a pod template, where the pods that use them are. The names are checked against the
 * platform catalog once, when service.yaml is read ({@code ServiceReader}: an unknown name is an
 * error listing the catalog, with the closest name).
 */
public record DependencyTransformer(ServiceSpec service, PlatformSettings platform)
    implements Transformer {

  @Override
  public void transform(ResourceList resources) {
    List<String> dependencies = service.dependencies() == null ? List.of() : service.dependencies();
    if (dependencies.isEmpty()) {
      return;
    }
    String annotation = String.join(",", dependencies);
    for (Resource r : resources) {
      if (KindTables.podTemplate(r) != null) {
        Nodes.child(r.metadata(), "annotations")
            .put(platform.labelDomain() + "/dependencies", annotation);
      }
    }
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
