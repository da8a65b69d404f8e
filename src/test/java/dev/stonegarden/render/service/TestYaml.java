package dev.stonegarden.render.service;

import dev.stonegarden.render.yaml.YamlReader;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helper: YAML text to a Jackson tree through the reader the product uses. */
public final class TestYaml {
  private TestYaml() {}

  public static JsonNode tree(String yaml) {
    return YamlReader.read(Path.of("test.yaml"), yaml, YamlReader.Options.resources())
        .get(0)
        .root();
  }

  public static JsonNode json(String json) {
    return JsonMapper.builder().build().readTree(json);
  }
}
