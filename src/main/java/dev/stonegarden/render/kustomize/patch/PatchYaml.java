package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.JsonErrors;
import dev.stonegarden.render.yaml.JsonTrees;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import dev.stonegarden.render.yaml.YamlVersion;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads patch text into trees with the project's YAML reader: strategic-merge patches like
 * resources (YAML 1.2, docs/kustomize.md#json-6902-patches), JSON 6902 operations written in YAML
 * like kustomization files (YAML 1.1 through sigs.k8s.io/yaml, case 088), JSON operations as strict
 * JSON.
 */
final class PatchYaml {
  private PatchYaml() {}

  /**
   * Every document of a YAML stream (empty documents as NullNodes) with its source map. Positions
   * of problems point into the patch file; for an inline patch ({@code origin} has a line) they
   * point at the kustomization entry and name the line inside the patch.
   */
  static List<YamlDocument> readDocuments(String text, YamlVersion version, SourcePosition origin) {
    YamlReader.Options options =
        version == YamlVersion.YAML_1_1
            ? YamlReader.Options.kustomization()
            : YamlReader.Options.kustomizeResources();
    List<YamlDocument> docs;
    try {
      docs = YamlReader.read(origin.file(), text, options);
    } catch (InputException e) {
      if (origin.line() == 0) {
        throw e;
      }
      var d = e.diagnostics().get(0);
      String where = d.at().line() > 0 ? " (line " + d.at().line() + " of the patch)" : "";
      throw new InputException(origin, d.message() + where);
    }
    return docs;
  }

  /**
   * Where a node of a patch document is, for errors: in a patch file, the node's own line and
   * column; in an inline patch (origin has a line), the kustomization entry (null).
   */
  static Function<String, SourcePosition> locator(
      YamlDocument doc, SourcePosition origin, String prefix) {
    if (origin.line() > 0 || doc.sourceMap() == null) {
      return null;
    }
    return pointer -> doc.sourceMap().positionOf(prefix + pointer);
  }

  /** One strict JSON value (Go's encoding/json, as evanphx's DecodePatch reads it). */
  static JsonNode readJson(String text, SourcePosition origin) {
    try {
      // JsonPatch turns the exact floats into doubles when it adds them
      return JsonTrees.JSON_PATCH.read(text);
    } catch (JacksonException e) {
      throw new InputException(origin, "invalid JSON in patch: " + JsonErrors.message(e));
    }
  }
}
