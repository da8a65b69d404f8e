package dev.stonegarden.render.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads streams for the writer's tests with the product's reader, typed as kustomize reads
 * resources.
 */
final class YamlWriterTestSupport {
  private YamlWriterTestSupport() {}

  static List<JsonNode> readStream(String text) {
    return readStream(Path.of("stream.yaml"), text);
  }

  static List<JsonNode> readStream(Path file) throws IOException {
    return readStream(file, Files.readString(file, StandardCharsets.UTF_8));
  }

  private static List<JsonNode> readStream(Path file, String text) {
    List<JsonNode> docs = new ArrayList<>();
    for (YamlDocument d : YamlReader.read(file, text, YamlReader.Options.resources())) {
      docs.add(d.root());
    }
    return docs;
  }
}
