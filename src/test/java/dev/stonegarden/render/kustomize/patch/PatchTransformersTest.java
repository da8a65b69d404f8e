package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PatchTransformersTest {
  private static final SourcePosition AT = SourcePosition.of(Path.of("patch.yaml"));

  static ResourceList resources(String yaml) {
    ResourceList list = new ResourceList();
    for (JsonNode d : PatchDocuments.trees(yaml)) {
      list.add(new Resource((ObjectNode) d, SourcePosition.none(), null));
    }
    return list;
  }

  private static final String TWO_DEPLOYMENTS =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: a, labels: {tier: web}}
      spec: {replicas: 1}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: b, namespace: prod, labels: {tier: web}}
      spec: {replicas: 1}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: a}
      """;

  static PatchTarget kind(String kind) {
    return new PatchTarget(null, null, kind, null, null, null, null);
  }

  @Test
  void strategicMergeWithoutTargetMatchesById() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    new PatchTransformer(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, namespace: prod}\nspec: {replicas: 5}\n",
            AT,
            null,
            PatchOptions.NONE,
            MergeSchema.builtin())
        .transform(rs);
    assertEquals(1, rs.get(0).body().get("spec").get("replicas").intValue());
    assertEquals(5, rs.get(1).body().get("spec").get("replicas").intValue());
  }

  @Test
  void strategicMergeWithoutTargetMatchesAnEarlierId() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    rs.get(0).rememberId();
    rs.get(0).setName("p-a");
    new PatchTransformer(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {replicas: 7}\n",
            AT,
            null,
            PatchOptions.NONE,
            MergeSchema.builtin())
        .transform(rs);
    assertEquals(7, rs.get(0).body().get("spec").get("replicas").intValue());
    assertEquals("p-a", rs.get(0).name(), "the name is restored (case 087)");
  }

  @Test
  void strategicMergeWithoutAMatchFails() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PatchTransformer(
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n",
                        AT,
                        null,
                        PatchOptions.NONE,
                        MergeSchema.builtin())
                    .transform(rs));
    assertTrue(
        e.diagnostics()
            .get(0)
            .message()
            .startsWith(
                "no resource matches strategic merge patch \"Deployment.v1.apps/x.[noNs]\""),
        e.getMessage());
    assertEquals(AT, e.diagnostics().get(0).at());
  }

  @Test
  void targetedStrategicMergeRestoresNameKindAndNamespace() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    new PatchTransformer(
            "apiVersion: v9\nkind: Other\nmetadata: {name: z, namespace: elsewhere, labels: {p: x}}\n",
            AT,
            kind("Deployment"),
            PatchOptions.NONE,
            MergeSchema.builtin())
        .transform(rs);
    for (int i = 0; i < 2; i++) {
      Resource r = rs.get(i);
      assertEquals("apps/v1", r.apiVersion());
      assertEquals("Deployment", r.kind());
      assertEquals("x", r.body().get("metadata").get("labels").get("p").stringValue());
      assertTrue(r.previousIds().isEmpty(), "nothing to remember");
    }
    assertEquals("a", rs.get(0).name());
    assertTrue(rs.get(0).namespace().isEmpty(), "no namespace added");
    assertEquals("prod", rs.get(1).namespace());
  }

  @Test
  void allowKindChangeKeepsTheTargetsApiVersion() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    new PatchTransformer(
            "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: a}\n",
            AT,
            new PatchTarget(null, null, "Deployment", "a", null, null, null),
            new PatchOptions(false, true),
            MergeSchema.builtin())
        .transform(rs);
    Resource r = rs.get(0);
    assertEquals("apps/v1", r.apiVersion()); // case 128
    assertEquals("Rollout", r.kind());
    assertEquals(new Gvk("apps", "v1", "Deployment"), r.originalId().gvk());
  }

  @Test
  void allowNameChangeRenamesAndRemembers() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    new PatchTransformer(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: renamed}\n",
            AT,
            new PatchTarget(null, null, "Deployment", "a", null, null, null),
            new PatchOptions(true, false),
            MergeSchema.builtin())
        .transform(rs);
    assertEquals("renamed", rs.get(0).name());
    assertEquals("a", rs.get(0).originalId().name());
  }

  @Test
  void renameOntoAnotherResourceFails() {
    ResourceList rs = resources(TWO_DEPLOYMENTS.replace("namespace: prod, ", ""));
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PatchTransformer(
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\n",
                        AT,
                        new PatchTarget(null, null, "Deployment", "a", null, null, null),
                        new PatchOptions(true, false),
                        MergeSchema.builtin())
                    .transform(rs));
    assertTrue(e.getMessage().contains("already registered id"), e.getMessage());
  }

  @Test
  void severalDocumentsWithATargetFail() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PatchTransformer(
                        "kind: Deployment\nmetadata: {name: a}\n---\nkind: Deployment\nmetadata: {name: b}\n",
                        AT,
                        kind("Deployment"),
                        PatchOptions.NONE,
                        MergeSchema.builtin())
                    .transform(rs));
    assertTrue(
        e.getMessage().contains("multiple strategic-merge patches"), e.getMessage()); // case 126
  }

  @Test
  void deleteWithTargetRemovesEverySelectedResource() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    new PatchTransformer(
            "kind: Deployment\nmetadata: {name: any}\n$patch: delete\n",
            AT,
            kind("Deployment"),
            PatchOptions.NONE,
            MergeSchema.builtin())
        .transform(rs);
    assertEquals(1, rs.size());
    assertEquals("Service", rs.get(0).kind());
  }

  @Test
  void jsonPatchNeedsATarget() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PatchTransformer(
                        "- op: replace\n  path: /spec/replicas\n  value: 6",
                        AT,
                        null,
                        PatchOptions.NONE,
                        MergeSchema.builtin())
                    .transform(rs));
    assertTrue(
        e.getMessage().contains("must specify a target for JSON patch"),
        e.getMessage()); // case 121
  }

  @Test
  void jsonPatchAppliesToSelectedAndRemembersIds() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    new PatchTransformer(
            "- op: replace\n  path: /metadata/name\n  value: c",
            AT,
            new PatchTarget(null, null, null, null, null, "tier=web", null),
            PatchOptions.NONE,
            MergeSchema.builtin())
        .transform(rs);
    assertEquals("c", rs.get(0).name());
    assertEquals("a", rs.get(0).originalId().name());
    assertEquals("c", rs.get(1).name());
    assertEquals("a", rs.get(2).name());
  }

  @Test
  void targetSelectingNothingIsSilent() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    new PatchTransformer(
            "- op: remove\n  path: /spec",
            AT,
            kind("Nothing"),
            PatchOptions.NONE,
            MergeSchema.builtin())
        .transform(rs);
    assertEquals(3, rs.size()); // case 119
  }

  @Test
  void jsonPatchErrorNamesTheResource() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PatchTransformer(
                        "- op: test\n  path: /spec/replicas\n  value: 5",
                        AT,
                        kind("Deployment"),
                        PatchOptions.NONE,
                        MergeSchema.builtin())
                    .transform(rs));
    assertEquals(
        "testing value /spec/replicas failed: test failed (patching Deployment.v1.apps/a.[noNs])",
        e.diagnostics().get(0).message()); // case 120
    assertEquals(
        new SourcePosition(Path.of("patch.yaml"), 1, 3),
        e.diagnostics().get(0).at(),
        "the failing operation");
  }

  @Test
  void deprecatedStrategicMerge() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    new PatchStrategicMergeTransformer(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {replicas: 2}\n"
                + "---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: NodePort}\n",
            AT,
            MergeSchema.builtin())
        .transform(rs);
    assertEquals(2, rs.get(0).body().get("spec").get("replicas").intValue());
    assertEquals("NodePort", rs.get(2).body().get("spec").get("type").stringValue());
  }

  @Test
  void deprecatedJson6902() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    PatchTarget target = new PatchTarget("apps", "v1", "Deployment", "b", null, null, null);
    new PatchJson6902Transformer(
            "[{\"op\": \"replace\", \"path\": \"/spec/replicas\", \"value\": 3}]", AT, target)
        .transform(rs);
    assertEquals(3, rs.get(1).body().get("spec").get("replicas").intValue());
    assertTrue(rs.get(1).previousIds().isEmpty(), "patchesJson6902 does not store ids");
    InputException noName =
        assertThrows(
            InputException.class,
            () -> new PatchJson6902Transformer("[]", AT, kind("Deployment")).transform(rs));
    assertTrue(noName.getMessage().contains("must specify the target name"));
    InputException empty =
        assertThrows(
            InputException.class,
            () -> new PatchJson6902Transformer("[]", AT, target).transform(rs));
    assertTrue(empty.getMessage().contains("patch appears to be empty"));
  }

  @Test
  void errorsInAPatchFilePointAtTheOffendingNode() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PatchTransformer(
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas:\n    count: 2\n",
                        AT,
                        null,
                        PatchOptions.NONE,
                        MergeSchema.builtin())
                    .transform(rs));
    var d = e.diagnostics().get(0);
    assertEquals(
        "wrong node kind at spec.replicas: expected ScalarNode but got MappingNode (patching Deployment.v1.apps/a.[noNs])",
        d.message());
    assertEquals(new SourcePosition(Path.of("patch.yaml"), 6, 5), d.at());
  }

  @Test
  void errorsInListElementsPointAtTheElement() {
    ResourceList rs =
        resources(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, env: [{name: X}]}]\n");
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PatchTransformer(
                        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: b\n  - name: a\n    env: {x: y}\n",
                        AT,
                        null,
                        PatchOptions.NONE,
                        MergeSchema.builtin())
                    .transform(rs));
    var d = e.diagnostics().get(0);
    assertTrue(d.message().startsWith("wrong node kind at spec.containers[1].env"), d.message());
    assertEquals(new SourcePosition(Path.of("patch.yaml"), 8, 10), d.at());
  }

  @Test
  void jsonErrorsInAPatchFilePointAtTheOperation() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PatchJson6902Transformer(
                        "- op: add\n  path: /metadata/x\n  value: 1\n- op: remove\n  path: /spec/none\n",
                        AT,
                        new PatchTarget(null, null, null, "a", null, null, null))
                    .transform(rs));
    assertEquals(new SourcePosition(Path.of("patch.yaml"), 4, 3), e.diagnostics().get(0).at());
  }

  @Test
  void inlinePatchErrorsPointAtTheEntry() {
    SourcePosition entry = new SourcePosition(Path.of("kustomization.yaml"), 4, 10);
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PatchTransformer(
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {replicas: {count: 2}}\n",
                        entry,
                        null,
                        PatchOptions.NONE,
                        MergeSchema.builtin())
                    .transform(rs));
    assertEquals(entry, e.diagnostics().get(0).at());
  }

  @Test
  void previousIdsAreListedOldestFirst() {
    ResourceList rs = resources(TWO_DEPLOYMENTS);
    List<ResId> before = rs.get(0).allIds();
    assertEquals(1, before.size());
  }
}
