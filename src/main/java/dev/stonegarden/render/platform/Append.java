package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;

/**
 * A generator as a pipeline step that appends what it generates; prints, and warns, as the
 * generator it runs.
 */
public record Append(Generator generator) implements Transformer {
  @Override
  public void transform(ResourceList resources) {
    resources.addAll(generator.generate(resources));
  }

  @Override
  public List<Diagnostic> warnings(ResourceList after) {
    return generator.warnings(after);
  }

  @Override
  public String toString() {
    return generator.toString();
  }
}
