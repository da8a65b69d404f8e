package dev.stonegarden.render.pipeline;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;

/**
 * One named step that changes the resources of a build: edits them, replaces one at the same index,
 * or removes one (kustomize's {@code resmap.Transformer}). Implementations are records whose
 * components are their configuration, so {@code --verbose} can print each step as it runs.
 *
 * <p>A step reports errors by throwing {@link dev.stonegarden.render.diag.InputException} from
 * {@link #transform}; it reports warnings through {@link #warnings}, which its stage asks once,
 * after every step has run, so that a step can warn about what the whole stage made of its work.
 */
@FunctionalInterface
public interface Transformer {
  void transform(ResourceList resources);

  /**
   * What this step warns about, asked once by its stage after all of the stage's steps ran (also
   * when some failed), with the stage's output; none by default. The stage keeps the warnings in
   * the order of its steps.
   */
  default List<Diagnostic> warnings(ResourceList after) {
    return List.of();
  }
}
