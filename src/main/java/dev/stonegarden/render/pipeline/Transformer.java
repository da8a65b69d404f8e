package dev.stonegarden.render.pipeline;

import dev.stonegarden.render.resource.ResourceList;

/**
 * One named step that changes the resources of a build: edits them, replaces one at the same index,
 * or removes one (kustomize's {@code resmap.Transformer}). Implementations are records whose
 * components are their configuration, so {@code --verbose} can print each step as it runs.
 */
@FunctionalInterface
public interface Transformer {
  void transform(ResourceList resources);
}
