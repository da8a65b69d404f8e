package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.builtins.MapEntriesTransformer;
import dev.stonegarden.render.kustomize.config.TransformerConfig;
import dev.stonegarden.render.kustomize.config.TransformerConfigs;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The {@code transformers:} field in its builtin-configuration form: files (or inline documents)
 * holding {@code apiVersion: builtin} {@code LabelTransformer} or {@code AnnotationsTransformer}
 * configurations. Anything else there would run a plugin, which this engine refuses.
 */
final class BuiltinTransformerFiles {
  private BuiltinTransformerFiles() {}

  static List<Transformer> transformers(KustTarget target, TransformerConfig tc) {
    Kustomization k = target.kustomization();
    List<Transformer> out = new ArrayList<>();
    for (Kustomization.Item<String> item : k.transformers()) {
      SourcePosition at = item.place().at();
      String entry = item.value();
      List<YamlDocument> docs;
      if (entry.contains("\n")) {
        docs = Yaml.readResources(k.file(), entry);
      } else {
        FileLoader.Loaded l = target.loader().tryLoad(entry);
        if (!l.ok()) {
          throw new InputException(
              at,
              "'transformers' entry '"
                  + entry
                  + "' is not supported: only files with "
                  + "builtin LabelTransformer or AnnotationsTransformer configurations can be used ("
                  + l.error()
                  + ")");
        }
        docs = Yaml.readResources(l);
      }
      for (YamlDocument d : docs) {
        JsonNode c = d.root();
        if (c == null || c.isNull()) {
          continue;
        }
        String apiVersion = Trees.text(c, "apiVersion");
        String kind = Trees.text(c, "kind");
        boolean labels = kind.equals("LabelTransformer");
        if (!apiVersion.equals("builtin") || !(labels || kind.equals("AnnotationsTransformer"))) {
          throw new InputException(
              d.start(),
              "transformer '"
                  + apiVersion
                  + "/"
                  + kind
                  + "' is not supported: "
                  + "only builtin LabelTransformer and AnnotationsTransformer configurations can be used");
        }
        out.add(
            new MapEntriesTransformer(
                labels ? "labels" : "annotations",
                Trees.stringMap(c.get(labels ? "labels" : "annotations")),
                TransformerConfigs.specs(c.get("fieldSpecs"), d.start())));
      }
    }
    return out;
  }
}
