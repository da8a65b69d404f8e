package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.builtins.ReplacementTransformer.Options;
import dev.stonegarden.render.kustomize.builtins.ReplacementTransformer.Replacement;
import dev.stonegarden.render.kustomize.builtins.ReplacementTransformer.Select;
import dev.stonegarden.render.kustomize.builtins.ReplacementTransformer.Target;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes {@code replacements:} entries, inline or from a {@code path:} file (kustomize's {@code
 * ReplacementTransformer.Config}).
 */
final class Replacements {
  private Replacements() {}

  static List<Replacement> decode(List<Kustomization.Item<ObjectNode>> entries, KustTarget target) {
    List<Replacement> out = new ArrayList<>();
    for (Kustomization.Item<ObjectNode> entry : entries) {
      ObjectNode e = entry.value();
      SourcePosition at = entry.place().at();
      String path = Trees.text(e, "path");
      if (!path.isEmpty()) {
        if (e.has("source") || (e.get("targets") != null && !e.get("targets").isEmpty())) {
          throw new InputException(at, "cannot specify both path and inline replacement");
        }
        FileLoader.Loaded l = target.loader().load(path, at);
        List<YamlDocument> docs = Yaml.readData(l);
        JsonNode root = docs.isEmpty() ? null : docs.get(0).root();
        SourcePosition fileAt = docs.isEmpty() ? SourcePosition.of(l.file()) : docs.get(0).start();
        Problems p = new Problems();
        GoJsonDecoder dec =
            new GoJsonDecoder(
                docs.isEmpty()
                    ? dev.stonegarden.render.yaml.SourceMap.empty(l.file())
                    : docs.get(0).sourceMap(),
                p,
                "");
        if (root != null && root.isArray()) {
          JsonNode decoded =
              dec.decode(root, GoJsonType.listOf(KustomizationSchema.REPLACEMENT_FIELD), "");
          p.throwIfErrors();
          for (JsonNode r : decoded) {
            out.add(one((ObjectNode) r, fileAt));
          }
        } else if (root != null && root.isObject()) {
          JsonNode decoded = dec.decode(root, KustomizationSchema.REPLACEMENT_FIELD, "");
          p.throwIfErrors();
          out.add(one((ObjectNode) decoded, fileAt));
        } else {
          throw new InputException(
              fileAt, "unsupported replacement type encountered within replacement path");
        }
      } else {
        out.add(one(e, at));
      }
    }
    return out;
  }

  private static Replacement one(ObjectNode e, SourcePosition at) {
    Select source = e.get("source") instanceof ObjectNode s ? select(s) : null;
    String fieldPath = source == null ? "" : Trees.text(e.get("source"), "fieldPath");
    Options options = source == null ? null : options(e.get("source").get("options"));
    List<Target> targets = new ArrayList<>();
    JsonNode ts = e.get("targets");
    if (ts != null) {
      for (JsonNode t : ts) {
        List<Select> reject = new ArrayList<>();
        if (t.get("reject") != null) {
          for (JsonNode r : t.get("reject")) {
            reject.add(
                r instanceof ObjectNode ro
                    ? select(ro)
                    : select(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
          }
        }
        targets.add(
            new Target(
                t.get("select") instanceof ObjectNode so ? select(so) : null,
                reject,
                Trees.strings(t, "fieldPaths"),
                options(t.get("options"))));
      }
    }
    return new Replacement(source, fieldPath, options, targets, at);
  }

  private static Select select(ObjectNode s) {
    return new Select(
        new Gvk(Trees.text(s, "group"), Trees.text(s, "version"), Trees.text(s, "kind")),
        Trees.text(s, "name"),
        Trees.text(s, "namespace"),
        Trees.text(s, "labelSelector"),
        Trees.text(s, "annotationSelector"));
  }

  private static Options options(JsonNode o) {
    if (o == null || o.isNull()) {
      return null;
    }
    return new Options(
        Trees.text(o, "delimiter"), o.path("index").asInt(0), o.path("create").asBoolean(false));
  }
}
