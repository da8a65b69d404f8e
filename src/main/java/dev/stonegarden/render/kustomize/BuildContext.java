package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.patch.MergeSchema;

/**
 * What every level of one build shares: the options, the warnings collected so far, and the
 * strategic-merge schema, which kustomize keeps globally (the root's {@code openapi} wins, else the
 * first base that declares one; docs/kustomize.md#custom-schemas).
 */
final class BuildContext {
  /**
   * The most kustomization levels one build loads, counting a base or component once for every path
   * that includes it. Includes that fan out (each level including the next twice) double the work
   * per level: 36 small kustomizations took kubectl minutes; real builds load a few dozen
   * (docs/kustomize.md#load-restrictions).
   */
  static final int MAX_LOADS = 1_000;

  final BuildOptions options;
  private int loads;
  final Problems warnings = new Problems();
  private MergeSchema schema = MergeSchema.builtin();
  private boolean schemaSet;

  BuildContext(BuildOptions options) {
    this.options = options;
  }

  /**
   * The schema in force: the built-in Kubernetes 1.21.2 one unless an {@code openapi} field set
   * another.
   */
  /** Counts one more level loaded; past {@link #MAX_LOADS}, an input error at its include. */
  void countLoad(SourcePosition includedAt) {
    if (++loads > MAX_LOADS) {
      throw new InputException(
          includedAt,
          "this build loads more than "
              + MAX_LOADS
              + " kustomizations, counting a base or component once for every path that includes"
              + " it: the includes fan out (a base included twice on each level doubles the work"
              + " per level); "
              + MAX_LOADS
              + " is the most one build may load");
    }
  }

  MergeSchema schema() {
    return schema;
  }

  boolean schemaSet() {
    return schemaSet;
  }

  void setSchema(MergeSchema schema) {
    this.schema = schema;
    this.schemaSet = true;
  }
}
