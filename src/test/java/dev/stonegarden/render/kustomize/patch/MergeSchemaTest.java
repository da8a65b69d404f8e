package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MergeSchemaTest {
  private static final Path FILE = Path.of("schema.json");

  /** A swagger document in the shape `kustomize openapi fetch` writes, with a Rollout. */
  static final String ROLLOUT_SCHEMA =
      """
      {"definitions": {
        "io.argoproj.v1alpha1.Rollout": {
          "x-kubernetes-group-version-kind": [{"group": "argoproj.io", "version": "v1alpha1", "kind": "Rollout"}],
          "properties": {"spec": {"$ref": "#/definitions/io.argoproj.v1alpha1.RolloutSpec"}}},
        "io.argoproj.v1alpha1.RolloutSpec": {
          "properties": {
            "template": {"type": "object", "properties": {"spec": {"$ref": "#/definitions/PodSpec"}}},
            "labelsByName": {"type": "object", "additionalProperties": {"$ref": "#/definitions/Tagged"}}}},
        "PodSpec": {"properties": {"containers": {"type": "array", "items": {"$ref": "#/definitions/Container"},
          "x-kubernetes-patch-merge-key": "name", "x-kubernetes-patch-strategy": "merge"}}},
        "Container": {"properties": {
          "env": {"type": ["array"], "items": {"type": "object"}, "x-kubernetes-patch-merge-key": "name",
            "x-kubernetes-patch-strategy": "merge,retainKeys"},
          "ports": {"type": "array", "x-kubernetes-list-map-keys": ["containerPort", "protocol"],
            "x-kubernetes-patch-merge-key": "containerPort", "x-kubernetes-patch-strategy": "merge"},
          "args": {"type": "array", "x-kubernetes-list-map-keys": ["x"]}}},
        "Tagged": {"properties": {"tags": {"type": "array", "x-kubernetes-patch-strategy": "merge"}}},
        "Loop": {"$ref": "#/definitions/Loop"}
      }}
      """;

  static MergeSchema rollouts() {
    return MergeSchema.fromOpenApi(SmCase.parse(ROLLOUT_SCHEMA), FILE);
  }

  @Test
  void customSchemaIndexesKindsAndFollowsReferences() {
    MergeSchema s = rollouts();
    SchemaNode pod =
        s.forType("argoproj.io/v1alpha1", "Rollout").field("spec").field("template").field("spec");
    SchemaNode containers = pod.field("containers");
    assertTrue(containers.isAssociative());
    assertEquals(List.of("name"), containers.mergeKeys());
    SchemaNode container = containers.elements();
    assertEquals(
        List.of("name"),
        container.field("env").mergeKeys(),
        "type as a one-element list, merge,retainKeys");
    assertTrue(container.field("env").isAssociative());
    assertEquals(List.of("containerPort", "protocol"), container.field("ports").mergeKeys());
    assertFalse(
        container.field("args").isAssociative(), "list-map-keys without a strategy do not merge");
    assertTrue(
        s.forType("argoproj.io/v1alpha1", "Rollout")
            .field("spec")
            .field("labelsByName")
            .field("any")
            .field("tags")
            .isAssociative(),
        "additionalProperties");
    assertNull(
        s.forType("apps/v1", "Deployment"),
        "the custom schema replaces the built-in one (case 112)");
  }

  @Test
  void kindsAreFoundByTheirApiVersionAsWritten() {
    MergeSchema b = MergeSchema.builtin();
    assertNotNull(b.forType("v1", "Pod"));
    assertNotNull(b.forType("apps/v1", "Deployment"));
    assertNull(b.forType("/v1", "Pod"), "an empty group written out is not the core group");
    assertNull(b.forType("apps/v1", "Pod"));
    assertNotNull(rollouts().forType("argoproj.io/v1alpha1", "Rollout"));
  }

  @Test
  void customSchemaMergesRolloutContainers() {
    String rollout =
        SmCases.head("argoproj.io/v1alpha1", "Rollout", "r")
            + "spec:\n  template:\n    spec:\n      containers: [{name: web, image: w:1}, {name: side, image: s:1}]\n";
    String patch =
        SmCases.head("argoproj.io/v1alpha1", "Rollout", "r")
            + "spec:\n  template:\n    spec:\n      containers: [{name: web, image: w:2}]\n";
    ObjectNode original = (ObjectNode) SmCase.parse(rollout);
    StrategicMerge.merge(original, (ObjectNode) SmCase.parse(patch), rollouts(), null);
    JsonNode containers = original.get("spec").get("template").get("spec").get("containers");
    assertEquals(2, containers.size());
    assertEquals("w:2", containers.get(0).get("image").stringValue());
  }

  @Test
  void referenceCyclesAndDanglingReferencesMeanNoSchema() {
    MergeSchema s = rollouts();
    String json =
        "{\"definitions\": {\"A\": {\"x-kubernetes-group-version-kind\": [{\"group\": \"\", \"version\": \"v1\","
            + " \"kind\": \"A\"}], \"properties\": {\"loop\": {\"$ref\": \"#/definitions/Loop\"},"
            + " \"gone\": {\"$ref\": \"#/definitions/Gone\"}}}, \"Loop\": {\"$ref\": \"#/definitions/Loop\"}}}";
    MergeSchema cyclic = MergeSchema.fromOpenApi(SmCase.parse(json), FILE);
    assertNull(cyclic.forType("v1", "A").field("loop"));
    assertNull(cyclic.forType("v1", "A").field("gone"));
    assertNotNull(s.forType("argoproj.io/v1alpha1", "Rollout"));
  }

  @Test
  void notASwaggerDocument() {
    InputException e =
        assertThrows(
            InputException.class, () -> MergeSchema.fromOpenApi(SmCase.parse("[1]"), FILE));
    assertEquals(FILE, e.diagnostics().get(0).at().file());
    assertThrows(
        InputException.class,
        () -> MergeSchema.fromOpenApi(SmCase.parse("definitions: [1]"), FILE));
    assertNull(MergeSchema.fromOpenApi(SmCase.parse("swagger: '2.0'"), FILE).forType("v1", "Pod"));
  }

  @Test
  void builtinIsParsedOnce() {
    assertSame(MergeSchema.builtin(), MergeSchema.builtin());
  }

  @Test
  void tableFormatErrorsAreBugsNotInput() {
    assertThrows(
        IllegalStateException.class,
        () -> MergeSchema.parseTable(new BufferedReader(new StringReader("def A\n  x weird B\n"))));
  }
}
