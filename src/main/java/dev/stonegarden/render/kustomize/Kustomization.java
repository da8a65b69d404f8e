package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.SourceMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One decoded kustomization file (kustomize's {@code types.Kustomization}): the fields in their
 * canonical spelling, already checked against {@link KustomizationSchema}, plus where each came
 * from. Deprecated spellings are folded in by the accessors ({@code bases} into {@link
 * #resources()}, {@code imageTags} into {@link #images()}), as kustomize's {@code FixKustomization}
 * does.
 */
final class Kustomization {
  static final String KUSTOMIZATION = "Kustomization";
  static final String COMPONENT = "Component";

  private final Path file;
  private final ObjectNode fields;
  private final ObjectNode raw;
  private final SourceMap sourceMap;

  Kustomization(Path file, ObjectNode fields, ObjectNode raw, SourceMap sourceMap) {
    this.file = file;
    this.fields = fields;
    this.raw = raw;
    this.sourceMap = sourceMap;
  }

  Path file() {
    return file;
  }

  ObjectNode fields() {
    return fields;
  }

  String kind() {
    String k = string("kind");
    return k.isEmpty() ? KUSTOMIZATION : k;
  }

  boolean isComponent() {
    return COMPONENT.equals(kind());
  }

  boolean has(String field) {
    return fields.has(field);
  }

  /** A string field, or "" when absent. */
  String string(String field) {
    JsonNode n = fields.get(field);
    return n == null || n.isNull() ? "" : n.asString();
  }

  /** A list-of-strings field (empty when absent). */
  List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    JsonNode n = fields.get(field);
    if (n != null) {
      n.forEach(e -> out.add(e.asString()));
    }
    return out;
  }

  /** A map-of-strings field in file order (empty when absent). */
  Map<String, String> stringMap(String field) {
    return stringMap(fields.get(field));
  }

  static Map<String, String> stringMap(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.put(e.getKey(), e.getValue().asString());
      }
    }
    return out;
  }

  /** A list-of-objects field (empty when absent); null elements become empty objects. */
  List<ObjectNode> objects(String field) {
    List<ObjectNode> out = new ArrayList<>();
    JsonNode n = fields.get(field);
    if (n != null) {
      for (JsonNode e : n) {
        out.add(e instanceof ObjectNode o ? o : fields.objectNode());
      }
    }
    return out;
  }

  /** An object field, or null. */
  ObjectNode object(String field) {
    JsonNode n = fields.get(field);
    return n instanceof ObjectNode o ? o : null;
  }

  /** {@code resources} followed by the deprecated {@code bases}. */
  List<String> resources() {
    List<String> r = strings("resources");
    r.addAll(strings("bases"));
    return r;
  }

  /** {@code images} followed by the deprecated {@code imageTags}. */
  List<ObjectNode> images() {
    List<ObjectNode> r = objects("images");
    r.addAll(objects("imageTags"));
    return r;
  }

  /**
   * The position of a field's value; {@code path} is a canonical JSON pointer such as {@code
   * /patches/0}.
   */
  SourcePosition positionOf(String path) {
    return sourceMap.positionOf(rawPointer(path));
  }

  /** The position of a field's key (falls back to its value). */
  SourcePosition keyPositionOf(String path) {
    return sourceMap.keyPosition(rawPointer(path));
  }

  /** Maps the first segment (a canonical field name) back to the key as written in the file. */
  private String rawPointer(String path) {
    if (path.isEmpty()) {
      return path;
    }
    int slash = path.indexOf('/', 1);
    String first = slash < 0 ? path.substring(1) : path.substring(1, slash);
    String rest = slash < 0 ? "" : path.substring(slash);
    String written = first;
    if (raw != null) {
      for (String k : raw.propertyNames()) {
        if (k.equalsIgnoreCase(first)) {
          written = k;
        }
      }
    }
    return "/" + SourceMap.escape(written) + rest;
  }

  /** The position of the whole file (for problems without a better place). */
  SourcePosition filePosition() {
    return SourcePosition.of(file);
  }
}
