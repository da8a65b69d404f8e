package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the documents of a resource file into {@link Resource}s (kustomize's {@code
 * resource.Factory.SliceFromBytes}, docs/kustomize.md#resources-and-loading): empty documents are
 * skipped, every object needs {@code kind} and {@code metadata.name}, and a {@code *List} with
 * {@code items} is replaced by its items, which are appended after the file's other documents (case
 * 005).
 */
final class ResourceReader {
  private ResourceReader() {}

  /** Parses {@code text} (the content of {@code file}) into resources. */
  static List<Resource> read(Path file, String text) {
    return fromDocuments(Yaml.readResources(file, text));
  }

  static List<Resource> fromDocuments(List<YamlDocument> docs) {
    Deque<Item> queue = new ArrayDeque<>();
    for (YamlDocument d : docs) {
      queue.add(new Item(d.root(), d.start(), d.sourceMap(), "", d.file()));
    }
    List<Resource> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      Item it = queue.removeFirst();
      JsonNode n = it.node;
      if (n == null || n.isNull() || n.isMissingNode() || (n.isContainer() && n.isEmpty())) {
        continue;
      }
      SourcePosition at = it.position();
      if (!(n instanceof ObjectNode o)) {
        throw new InputException(
            at, "expected a Kubernetes object (a mapping), found " + Trees.kustomizeDescribe(n));
      }
      String kind = Trees.string(o.get("kind"));
      JsonNode meta = o.get("metadata");
      if (meta != null && !meta.isNull() && !meta.isObject()) {
        throw new InputException(at, "metadata must be a mapping in object of kind '" + kind + "'");
      }
      if (kind.isEmpty()) {
        throw new InputException(at, "missing kind in object" + nameHint(o));
      }
      if (kind.endsWith("List")) {
        JsonNode items = o.get("items");
        if (o.has("items")) {
          if (items == null || items.isNull()) {
            continue;
          }
          if (!items.isArray()) {
            throw new InputException(
                at,
                "expected array in "
                    + kind
                    + "/items, but found "
                    + Trees.kustomizeDescribe(items));
          }
          for (int i = 0; i < items.size(); i++) {
            queue.addLast(
                new Item(items.get(i), null, it.sourceMap, it.pointer + "/items/" + i, it.file));
          }
          continue;
        }
      } else if (Trees.string(meta == null ? null : meta.get("name")).isEmpty()) {
        throw new InputException(at, "missing metadata.name in object of kind '" + kind + "'");
      }
      SourcePosition origin = it.sourceMap == null ? at : it.sourceMap.positionOf(it.pointer);
      out.add(new Resource(o, origin, it.sourceMap));
    }
    return out;
  }

  private record Item(
      JsonNode node, SourcePosition start, SourceMap sourceMap, String pointer, Path file) {
    SourcePosition position() {
      if (start != null && pointer.isEmpty()) {
        return start;
      }
      return sourceMap != null ? sourceMap.positionOf(pointer) : SourcePosition.of(file);
    }
  }

  private static String nameHint(ObjectNode o) {
    JsonNode meta = o.get("metadata");
    String name = meta == null ? "" : Trees.string(meta.get("name"));
    return name.isEmpty() ? "" : " '" + name + "'";
  }
}
