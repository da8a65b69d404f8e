package dev.stonegarden.render.kustomize.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.kustomize.Trees;
import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.kustomize.config.TransformerConfig;
import dev.stonegarden.render.kustomize.config.TransformerConfigs;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.resource.SharedValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A label created by one step at several places of an object is one value there: a later in-place
 * overwrite at one place changes all of them, as kustomize's shared YAML node does (checked against
 * {@code kubectl kustomize}; fixtures in
 * test-fixtures/kustomize-differential/labels-shared-value*).
 */
class SharedLabelValueTest {
  static final TransformerConfig TC = TransformerConfigs.builtin();
  static final List<FieldSpec> METADATA = List.of(FieldSpec.any("metadata/labels", true));

  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
      """;

  static String labelsOf(Resource r) {
    ObjectNode b = r.body();
    return b.at("/metadata/labels/tier").asString()
        + " "
        + b.at("/spec/selector/matchLabels/tier").asString()
        + " "
        + b.at("/spec/template/metadata/labels/tier").asString();
  }

  @Test
  void aMetadataLabelOverwritesWhatCommonLabelsCreatedEverywhere() {
    ResourceList list = Trees.resources(DEPLOYMENT);
    new MapEntriesTransformer("labels", Map.of("tier", "a"), TC.commonLabels()).transform(list);
    new MapEntriesTransformer("labels", Map.of("tier", "b"), METADATA).transform(list);
    assertEquals("b b b", labelsOf(list.get(0)));
  }

  @Test
  void aValueThatExistedBeforeIsNotShared() {
    ResourceList list =
        Trees.resources(
            DEPLOYMENT.replace(
                "metadata: {name: web}", "metadata: {name: web, labels: {tier: x}}"));
    new MapEntriesTransformer("labels", Map.of("tier", "a"), TC.commonLabels()).transform(list);
    new MapEntriesTransformer("labels", Map.of("tier", "b"), METADATA).transform(list);
    // metadata's tier existed: overwritten there alone; selector and template share their own
    assertEquals("b a a", labelsOf(list.get(0)));
  }

  @Test
  void unsharedAfterReReading() {
    ResourceList list = Trees.resources(DEPLOYMENT);
    new MapEntriesTransformer("labels", Map.of("tier", "a"), TC.commonLabels()).transform(list);
    SharedValue.unshare(list.get(0).body());
    new MapEntriesTransformer("labels", Map.of("tier", "b"), METADATA).transform(list);
    assertEquals("b a a", labelsOf(list.get(0)));
  }

  @Test
  void anInPlaceWriteReachesTheOtherPlaces() {
    ResourceList list = Trees.resources(DEPLOYMENT);
    new MapEntriesTransformer("labels", Map.of("tier", "a"), TC.commonLabels()).transform(list);
    ObjectNode body = list.get(0).body();
    SharedValue.Snapshot shared = SharedValue.snapshot(body);
    ((ObjectNode) body.at("/spec/selector/matchLabels")).put("tier", "c");
    shared.propagate();
    assertEquals("c c c", labelsOf(list.get(0)));
  }
}
