package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.YamlVersion;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads patch text into trees. Interim: Jackson's YAML module until the project's {@code
 * yaml.YamlReader} (with exact YAML 1.1 / 1.2 scalar typing) is on main.
 */
final class PatchYaml {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final JsonMapper JSON = new JsonMapper();

  private PatchYaml() {}

  /** Every document of a YAML stream (null documents included, as NullNodes). */
  static List<JsonNode> readAll(String text, YamlVersion version, SourcePosition origin) {
    List<JsonNode> docs = new ArrayList<>();
    try (JsonParser p = YAML.createParser(text)) {
      while (p.nextToken() != null) {
        JsonNode n = YAML.readTree(p);
        docs.add(n == null ? YAML.getNodeFactory().nullNode() : n);
      }
    } catch (JacksonException e) {
      throw new InputException(origin, "invalid YAML in patch: " + e.getOriginalMessage());
    }
    return docs;
  }

  /** One strict JSON value. */
  static JsonNode readJson(String text, SourcePosition origin) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      throw new InputException(origin, "invalid JSON in patch: " + e.getOriginalMessage());
    }
  }
}
