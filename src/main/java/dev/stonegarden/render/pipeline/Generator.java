package dev.stonegarden.render.pipeline;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;

/**
 * One named step that produces new resources; it may read what the build holds, never change it.
 * Warnings go through {@link #warnings}, as a {@link Transformer}'s do.
 */
@FunctionalInterface
public interface Generator {
  List<Resource> generate(ResourceList current);

  /** {@link Transformer#warnings}: asked once after the stage ran; none by default. */
  default List<Diagnostic> warnings(ResourceList after) {
    return List.of();
  }
}
