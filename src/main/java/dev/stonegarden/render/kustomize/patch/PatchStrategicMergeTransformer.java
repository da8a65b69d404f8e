package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of the deprecated {@code patchesStrategicMerge:} (kustomize's {@code
 * PatchStrategicMergeTransformer}, docs/kustomize.md#which-kind-of-patch): every document must
 * match exactly one resource by any of its ids, and is applied re-stamped with that resource's
 * apiVersion; name, kind and namespace are restored (no options in this form).
 *
 * @param patchText the entry's inline text, or the content of the file it names
 * @param origin the patch file, or the kustomization entry of an inline patch
 * @param schema the build's merge schema
 * @param parsedFiles where the run keeps parsed patches, or null to parse each time
 */
public record PatchStrategicMergeTransformer(
    String patchText, SourcePosition origin, MergeSchema schema, ParsedFiles parsedFiles)
    implements Transformer {

  public PatchStrategicMergeTransformer {
    schema = schema == null ? MergeSchema.builtin() : schema;
  }

  /** A patch parsed each time it is applied. */
  public PatchStrategicMergeTransformer(
      String patchText, SourcePosition origin, MergeSchema schema) {
    this(patchText, origin, schema, null);
  }

  @Override
  public void transform(ResourceList resources) {
    PatchParser.Parsed parsed =
        PatchParser.shared(
            parsedFiles,
            PatchParser.STRATEGIC_MERGE_PATCHES,
            patchText,
            origin,
            PatchParser::parseStrategicMerge);
    for (int i = 0; i < parsed.strategicMerge().size(); i++) {
      ObjectNode patch = parsed.strategicMerge().get(i);
      Resource r = PatchApplication.uniqueById(resources, patch, origin);
      PatchApplication.applyStrategicMerge(
          resources,
          r,
          PatchApplication.restamped(patch, r),
          PatchOptions.NONE,
          schema,
          origin,
          parsed.locator(i));
      PatchApplication.requireUniqueIds(resources, origin);
    }
  }
}
