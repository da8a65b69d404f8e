package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.SourceMap;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the platform steps share for building and walking the objects they write: new objects and
 * generated resources, objects at a path (looked up or created), lists of objects, JSON pointers
 * and the positions of service.yaml entries, a resource as messages name it ({@link #describe}).
 * Reading a value's text is {@link dev.stonegarden.render.yaml.Trees}'s.
 */
final class Nodes {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Nodes() {}

  static ObjectNode object() {
    return JSON.objectNode();
  }

  /**
   * The object at {@code path} under {@code root}, or null if any step is missing or not an object.
   */
  static ObjectNode objectAt(JsonNode root, List<String> path) {
    JsonNode n = root;
    for (String key : path) {
      if (!(n instanceof ObjectNode o)) {
        return null;
      }
      n = o.get(key);
    }
    return n instanceof ObjectNode o ? o : null;
  }

  /**
   * The object at {@code key} of {@code parent}, created (or replaced, if not an object) when
   * needed.
   */
  static ObjectNode child(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    return n instanceof ObjectNode o ? o : parent.putObject(key);
  }

  /** The object at {@code path} under {@code root}, created as needed. */
  static ObjectNode ensure(ObjectNode root, List<String> path) {
    ObjectNode n = root;
    for (String key : path) {
      n = child(n, key);
    }
    return n;
  }

  /** The objects of the array at {@code key}, in order; empty if absent or not an array. */
  static List<ObjectNode> objects(JsonNode parent, String key) {
    List<ObjectNode> out = new ArrayList<>();
    if (parent != null && parent.get(key) instanceof ArrayNode a) {
      for (JsonNode e : a) {
        if (e instanceof ObjectNode o) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** {@code a/b/c} as a JSON pointer {@code /a/b/c}, escaping each token. */
  static String pointer(Object... tokens) {
    StringBuilder sb = new StringBuilder();
    for (Object t : tokens) {
      sb.append('/').append(SourceMap.escape(String.valueOf(t)));
    }
    return sb.toString();
  }

  /** A position in service.yaml. */
  static SourcePosition at(ServiceSpec service, String pointer) {
    return service.sourceMap() == null
        ? SourcePosition.of(service.file())
        : service.sourceMap().positionOf(pointer);
  }

  /** The JSON pointer of an environment in service.yaml. */
  static String envPointer(ServiceSpec.Environment env, Object... more) {
    Object[] all = new Object[more.length + 3];
    all[0] = "spec";
    all[1] = "environments";
    all[2] = env.index();
    System.arraycopy(more, 0, all, 3, more.length);
    return pointer(all);
  }

  /** {@code Kind/name}, the way messages name an object. */
  static String describe(Resource r) {
    return r.kind() + "/" + r.name();
  }

  /**
   * A resource the platform made, attributed to {@code origin} (the service.yaml entry that caused
   * it).
   */
  static Resource generated(ObjectNode body, SourcePosition origin) {
    return new Resource(body, origin, SourceMap.empty(origin.file()));
  }

  /** A new object with apiVersion, kind, metadata.name and metadata.namespace (if not null). */
  static ObjectNode newObject(Gvk kind, String name, String namespace) {
    return newObject(kind.apiVersion(), kind.kind(), name, namespace);
  }

  static ObjectNode newObject(String apiVersion, String kind, String name, String namespace) {
    ObjectNode body = object();
    body.put("apiVersion", apiVersion);
    body.put("kind", kind);
    ObjectNode meta = body.putObject("metadata");
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    return body;
  }
}
