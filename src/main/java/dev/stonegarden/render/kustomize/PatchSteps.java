package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.kustomize.patch.MergeSchema;
import dev.stonegarden.render.kustomize.patch.PatchJson6902Transformer;
import dev.stonegarden.render.kustomize.patch.PatchStrategicMergeTransformer;
import dev.stonegarden.render.kustomize.patch.PatchTarget;
import dev.stonegarden.render.kustomize.patch.PatchTransformer;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns the patch fields of a kustomization into the patch transformers of {@code kustomize.patch}
 * (docs/kustomize.md#patches): loads patch files through the level's root-restricted loader and
 * decodes targets and options; the merging itself is the patch package's job. Also sets the build's
 * merge schema from {@code openapi:} (docs/kustomize.md#custom-schemas).
 */
final class PatchSteps {
  private PatchSteps() {}

  /**
   * {@code patchesStrategicMerge:}: each entry is inline YAML if it parses as objects, else a file.
   */
  static List<Transformer> patchesStrategicMerge(KustTarget t, BuildContext ctx) {
    Kustomization k = t.kustomization();
    List<Transformer> out = new ArrayList<>();
    for (Kustomization.Item<String> item : k.patchesStrategicMerge()) {
      String entry = item.value();
      SourcePosition at = item.place().at();
      if (looksInline(entry)) {
        out.add(new PatchStrategicMergeTransformer(entry, at, schema(ctx), parsed(ctx)));
      } else {
        FileLoader.Loaded l = t.loader().load(entry, at);
        out.add(
            new PatchStrategicMergeTransformer(
                l.text(), SourcePosition.of(l.file()), schema(ctx), parsed(ctx)));
      }
    }
    return out;
  }

  private static boolean looksInline(String entry) {
    try {
      List<YamlDocument> docs = Yaml.readResources(java.nio.file.Path.of("patch"), entry);
      boolean any = false;
      for (YamlDocument d : docs) {
        JsonNode r = d.root();
        if (r == null || r.isNull()) {
          continue;
        }
        if (!r.isObject()) {
          return false;
        }
        any = true;
      }
      return any;
    } catch (InputException e) {
      return false;
    }
  }

  /**
   * {@code patches:}: exactly one of {@code path} and {@code patch}; optional target and options.
   */
  static List<Transformer> patches(KustTarget t, BuildContext ctx) {
    Kustomization k = t.kustomization();
    List<Transformer> out = new ArrayList<>();
    for (Kustomization.Patch e : k.patches()) {
      SourcePosition at = e.place().at();
      String patch = e.patch().strip();
      String path = e.path();
      if (patch.isEmpty() && path.isEmpty()) {
        throw new InputException(at, "must specify one of patch and path in a 'patches' entry");
      }
      if (!patch.isEmpty() && !path.isEmpty()) {
        throw new InputException(
            at, "patch and path can't be set at the same time in a 'patches' entry");
      }
      String text;
      SourcePosition origin;
      if (!path.isEmpty()) {
        FileLoader.Loaded l = t.loader().tryLoad(path);
        if (!l.ok()) {
          throw new InputException(
              e.pathPlace().at(),
              "failed to get the patch file from path(" + path + "): " + l.error());
        }
        text = l.text();
        origin = SourcePosition.of(l.file());
      } else {
        text = patch;
        origin = e.patchPlace().at();
      }
      out.add(
          new PatchTransformer(
              text,
              origin,
              target(e.target(), e.targetPlace()),
              e.options(),
              schema(ctx),
              parsed(ctx)));
    }
    return out;
  }

  /** {@code patchesJson6902:}: a target with a name, and {@code path} or inline {@code patch}. */
  static List<Transformer> patchesJson6902(KustTarget t, BuildContext ctx) {
    Kustomization k = t.kustomization();
    List<Transformer> out = new ArrayList<>();
    for (Kustomization.Patch e : k.patchesJson6902()) {
      SourcePosition at = e.place().at();
      String patch = e.patch();
      String path = e.path();
      PatchTarget target = target(e.target(), e.place());
      if (target == null || target.name().isEmpty()) {
        throw new InputException(at, "must specify the target name in a 'patchesJson6902' entry");
      }
      if (patch.isEmpty() && path.isEmpty()) {
        throw new InputException(
            at, "empty file path and empty jsonOp in a 'patchesJson6902' entry");
      }
      if (!patch.isEmpty() && !path.isEmpty()) {
        throw new InputException(at, "must specify a file path or jsonOp, not both");
      }
      String text = patch;
      SourcePosition origin = e.patchPlace().at();
      if (!path.isEmpty()) {
        FileLoader.Loaded l = t.loader().load(path, e.pathPlace().at());
        text = l.text();
        origin = SourcePosition.of(l.file());
        if (text.isEmpty()) {
          throw new InputException(origin, "patch file '" + path + "' seems to be empty");
        }
      }
      out.add(new PatchJson6902Transformer(text, origin, target, parsed(ctx)));
    }
    return out;
  }

  /** The target, checked; a problem is reported at {@code at}. */
  private static PatchTarget target(PatchTarget t, Kustomization.Place at) {
    if (t != null) {
      t.compile().orElseThrow(problems -> new InputException(at.at(), problems.get(0).message()));
    }
    return t;
  }

  private static MergeSchema schema(BuildContext ctx) {
    return ctx.schema();
  }

  /** Where the run keeps parsed patches (each transformer gets its own copy), or null. */
  private static ParsedFiles parsed(BuildContext ctx) {
    return ctx.options.parsedFiles();
  }

  /**
   * Applies a kustomization's {@code openapi:} to the build: the root always (reset), a base only
   * while nothing has set a schema yet (kustomize's {@code openapi.SetSchema}).
   */
  static void offerSchema(KustTarget t, BuildContext ctx, boolean root) {
    if (!root && ctx.schemaSet()) {
      return;
    }
    Kustomization k = t.kustomization();
    Kustomization.OpenApi openapi = k.openapi();
    String path = openapi.path();
    String version = openapi.version();
    SourcePosition at = openapi.place().at();
    if (path != null) {
      if (version != null) {
        throw new InputException(at, "builtin version and custom schema provided, cannot use both");
      }
      FileLoader.Loaded l = t.loader().load(path, openapi.pathPlace().at());
      List<YamlDocument> docs = Yaml.readResources(l);
      ctx.setSchema(MergeSchema.fromOpenApi(docs.isEmpty() ? null : docs.get(0).root(), l.file()));
    } else if (version != null && !version.isEmpty()) {
      if (!version.equals("v1.21.2")) {
        throw new InputException(
            at,
            "the specified OpenAPI version is not built in: expected v1.21.2, found '"
                + version
                + "'");
      }
      ctx.setSchema(MergeSchema.builtin());
    }
  }
}
