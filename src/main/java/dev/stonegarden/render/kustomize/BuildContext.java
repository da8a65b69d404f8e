package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.kustomize.patch.MergeSchema;

/**
 * What every level of one build shares: the options, the warnings collected so far, and the
 * strategic-merge schema, which kustomize keeps globally (the root's {@code openapi} wins, else the
 * first base that declares one; docs/kustomize.md#custom-schemas).
 */
final class BuildContext {
  final BuildOptions options;
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
