package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import tools.jackson.databind.node.ArrayNode;

/**
 * One entry of the deprecated {@code patchesJson6902:} (kustomize's {@code
 * PatchJson6902Transformer}, docs/kustomize.md#which-kind-of-patch): JSON operations (JSON, or YAML
 * read with YAML 1.1 typing) applied to every resource the target selects; the target needs a name
 * and the patch at least one operation.
 *
 * @param patchText the inline operations or the content of the patch file
 * @param origin the patch file, or the kustomization entry of inline operations
 * @param target the entry's target
 * @param parsedFiles where the run keeps parsed patches, or null to parse each time
 */
public record PatchJson6902Transformer(
    String patchText, SourcePosition origin, PatchTarget target, ParsedFiles parsedFiles)
    implements Transformer {

  /** A patch parsed each time it is applied. */
  public PatchJson6902Transformer(String patchText, SourcePosition origin, PatchTarget target) {
    this(patchText, origin, target, null);
  }

  @Override
  public void transform(ResourceList resources) {
    if (target == null || target.name().isEmpty()) {
      throw new InputException(
          origin,
          "must specify the target name: expected 'target.name' in a patchesJson6902 entry");
    }
    PatchParser.Parsed parsed =
        PatchParser.shared(
            parsedFiles,
            PatchParser.JSON6902_PATCHES,
            patchText,
            origin,
            PatchParser::parseJson6902);
    ArrayNode ops = parsed.jsonOps();
    if (ops.isEmpty()) {
      throw new InputException(
          origin, "patch appears to be empty: expected at least one JSON patch operation");
    }
    for (Resource r : PatchApplication.select(resources, target, origin)) {
      PatchApplication.applyJson(r, ops, origin, parsed.jsonLocator());
    }
  }
}
