package dev.stonegarden.render.service;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helper: YAML text to a Jackson tree through the reader the product uses. */
public final class TestYaml {
  private TestYaml() {}

  public static JsonNode tree(String yaml) {
    return InterimYaml.read(Path.of("test.yaml"), yaml).get(0).root();
  }

  public static JsonNode json(String json) {
    return JsonMapper.builder().build().readTree(json);
  }
}
