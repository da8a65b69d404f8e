package dev.stonegarden.render.pipeline;

import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;

/**
 * One named step that produces new resources; it may read what the build holds, never change it.
 */
@FunctionalInterface
public interface Generator {
  List<Resource> generate(ResourceList current);
}
