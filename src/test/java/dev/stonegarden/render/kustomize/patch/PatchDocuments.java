package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Test helper: the documents of a YAML stream as the patch steps read them (YAML 1.2). */
final class PatchDocuments {
  private PatchDocuments() {}

  /** Every document's tree, in order (empty documents as NullNodes). */
  static List<JsonNode> trees(String yaml) {
    return PatchYaml.readDocuments(yaml, YamlVersion.YAML_1_2, SourcePosition.none()).stream()
        .map(YamlDocument::root)
        .toList();
  }
}
