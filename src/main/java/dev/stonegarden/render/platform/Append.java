package dev.stonegarden.render.platform;

import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.ResourceList;

/**
 * A generator as a pipeline step that appends what it generates; prints as the generator it runs.
 */
public record Append(Generator generator) implements Transformer {
  @Override
  public void transform(ResourceList resources) {
    resources.addAll(generator.generate(resources));
  }

  @Override
  public String toString() {
    return generator.toString();
  }
}
