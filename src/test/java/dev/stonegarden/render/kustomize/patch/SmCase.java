package dev.stonegarden.render.kustomize.patch;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One strategic-merge scenario: a resource, a patch for it (same apiVersion, kind and name), and
 * either the merged object ({@code expected}, "DELETED" when the patch deletes the resource) or a
 * phrase the error must contain. The same table runs through our merge (StrategicMergeTest) and,
 * when kubectl is installed, through the real kustomize (StrategicMergeOracleTest).
 */
record SmCase(String name, String resource, String patch, String expected, String error) {
  static final String DELETED = "DELETED";

  static SmCase ok(String name, String resource, String patch, String expected) {
    return new SmCase(name, resource, patch, expected, null);
  }

  static SmCase fails(String name, String resource, String patch, String error) {
    return new SmCase(name, resource, patch, null, error);
  }

  ObjectNode resourceTree() {
    return (ObjectNode) parse(resource);
  }

  ObjectNode patchTree() {
    return (ObjectNode) parse(patch);
  }

  JsonNode expectedTree() {
    return parse(expected);
  }

  static JsonNode parse(String yaml) {
    List<JsonNode> docs = PatchDocuments.trees(yaml);
    return docs.get(0);
  }

  @Override
  public String toString() {
    return name;
  }
}
