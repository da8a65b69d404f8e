package dev.stonegarden.render.appset;

import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.List;

/**
 * One environment of one service as {@code generate} renders it: what an {@link
 * ApplicationExtension} looks at to decide what the Application of that environment needs.
 *
 * @param project the AppProject the Application belongs to
 * @param resources the rendered objects, in render order (read only)
 */
public record RenderedEnvironment(
    ServiceSpec service,
    ServiceSpec.Environment environment,
    PlatformSettings platform,
    String project,
    List<Resource> resources) {

  public RenderedEnvironment {
    resources = List.copyOf(resources);
  }
}
