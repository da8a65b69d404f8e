package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;

/**
 * One check of the platform stage's output (docs/rendering.md#checks): reads the finished objects,
 * changes nothing, and returns what it found, errors and warnings, in a stable order. {@link
 * PlatformStage#checks} lists them.
 */
@FunctionalInterface
public interface Check {
  List<Diagnostic> check(ResourceList output);
}
