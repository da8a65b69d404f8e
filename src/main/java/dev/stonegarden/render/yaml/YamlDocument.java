package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * One document of a YAML (or JSON) stream, typed into a Jackson tree, with where it came from.
 *
 * @param root the typed value: an ObjectNode for resources, any node in general; a {@code NullNode}
 *     for an empty document
 * @param file the file it was read from
 * @param index 0-based index of the document in its file
 * @param start where the document starts (line of its first node)
 * @param sourceMap JSON pointer to position, for diagnostics
 */
public record YamlDocument(
    JsonNode root, Path file, int index, SourcePosition start, SourceMap sourceMap) {

  /** The position of the value at {@code pointer} in this document. */
  public SourcePosition positionOf(String pointer) {
    return sourceMap.positionOf(pointer);
  }
}
