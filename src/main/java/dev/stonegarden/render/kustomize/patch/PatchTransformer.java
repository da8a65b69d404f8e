package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of {@code patches:} (kustomize's {@code PatchTransformer},
 * docs/kustomize.md#which-kind-of-patch): a strategic-merge or JSON 6902 patch, decided by {@link
 * PatchParser}. Without a target a strategic-merge document must match exactly one resource by any
 * of its ids; with a target it is applied, re-stamped, to every selected resource, and a JSON patch
 * needs a target. A target that selects nothing is not an error (case 119).
 *
 * @param patchText the patch, inline text already trimmed (kustomize trims inline patches) or the
 *     file's content as loaded
 * @param origin the patch file, or the kustomization entry of an inline patch
 * @param target the target, or null
 * @param options allowNameChange / allowKindChange
 * @param schema the build's merge schema
 * @param parsedFiles where the run keeps parsed patches, or null to parse each time
 */
public record PatchTransformer(
    String patchText,
    SourcePosition origin,
    PatchTarget target,
    PatchOptions options,
    MergeSchema schema,
    ParsedFiles parsedFiles)
    implements Transformer {

  public PatchTransformer {
    options = options == null ? PatchOptions.NONE : options;
    schema = schema == null ? MergeSchema.builtin() : schema;
  }

  /** A patch parsed each time it is applied. */
  public PatchTransformer(
      String patchText,
      SourcePosition origin,
      PatchTarget target,
      PatchOptions options,
      MergeSchema schema) {
    this(patchText, origin, target, options, schema, null);
  }

  @Override
  public void transform(ResourceList resources) {
    PatchParser.Parsed parsed =
        PatchParser.shared(parsedFiles, PatchParser.PATCHES, patchText, origin, PatchParser::parse);
    if (parsed.isStrategicMerge() && !parsed.strategicMerge().isEmpty()) {
      transformStrategicMerge(resources, parsed);
    } else {
      transformJson(resources, parsed);
    }
  }

  private void transformStrategicMerge(ResourceList resources, PatchParser.Parsed parsed) {
    List<ObjectNode> patches = parsed.strategicMerge();
    if (target != null) {
      if (patches.size() > 1) {
        throw new InputException(
            origin,
            "multiple strategic-merge patches in one `patches` entry cannot have a "
                + "target: expected one document but found "
                + patches.size());
      }
      ObjectNode patch = patches.get(0);
      for (Resource r : PatchApplication.select(resources, target, origin)) {
        PatchApplication.applyStrategicMerge(
            resources,
            r,
            PatchApplication.restamped(patch, r),
            options,
            schema,
            origin,
            parsed.locator(0));
      }
      PatchApplication.requireUniqueIds(resources, origin);
      return;
    }
    for (int i = 0; i < patches.size(); i++) {
      ObjectNode patch = patches.get(i);
      Resource r = PatchApplication.uniqueById(resources, patch, origin);
      PatchApplication.applyStrategicMerge(
          resources, r, patch.deepCopy(), options, schema, origin, parsed.locator(i));
    }
  }

  private void transformJson(ResourceList resources, PatchParser.Parsed parsed) {
    if (target == null) {
      throw new InputException(
          origin,
          "must specify a target for JSON patch "
              + PatchParser.source(patchText)
              + ": expected a 'target' next to the patch");
    }
    List<Resource> selected = PatchApplication.select(resources, target, origin);
    for (Resource r : selected) {
      // kustomize's PatchTransformer stores the id before every JSON patch, so a rename by JSON
      // patch is remembered (the deprecated patchesJson6902 does not)
      r.rememberId();
      if (parsed.jsonOps() != null) {
        PatchApplication.applyJson(r, parsed.jsonOps(), origin, parsed.jsonLocator());
      }
    }
  }
}
