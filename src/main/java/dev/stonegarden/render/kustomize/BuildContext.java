package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.Problems;

/**
 * What every level of one build shares: the options, the warnings collected so far, and the
 * strategic-merge schema, which kustomize keeps globally (the root's {@code openapi} wins, else the
 * first base that declares one; kustomize-semantics.md §14.4).
 */
final class BuildContext {
  final BuildOptions options;
  final Problems warnings = new Problems();
  private Object schema;
  private boolean schemaSet;

  BuildContext(BuildOptions options) {
    this.options = options;
  }

  /** The schema in force (a {@code MergeSchema}); null means the built-in one. */
  Object schema() {
    return schema;
  }

  boolean schemaSet() {
    return schemaSet;
  }

  void setSchema(Object schema) {
    this.schema = schema;
    this.schemaSet = true;
  }
}
