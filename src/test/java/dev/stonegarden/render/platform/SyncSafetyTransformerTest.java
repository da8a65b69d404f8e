package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SyncSafetyTransformerTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Resource object(String json) {
    return new Resource((ObjectNode) JSON.readTree(json), SourcePosition.none(), null);
  }

  private static String annotation(Resource r, String key) {
    JsonNode a = r.metadata().get("annotations");
    return a == null || a.get(key) == null ? null : a.get(key).stringValue();
  }

  private static ResourceList render(Resource... resources) {
    ResourceList list = new ResourceList(List.of(resources));
    new SyncSafetyTransformer().transform(list);
    return list;
  }

  @Test
  void namespaceAndVolumesAreNeitherPrunedNorDeletedAndKeepTheOverlaysOptions() {
    Resource ns =
        object("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}");
    Resource pvc =
        object(
            "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{\"name\":\"d\","
                + "\"annotations\":{\"argocd.argoproj.io/sync-options\":\"ServerSideApply=true,Prune=confirm\"}}}");
    Resource deployment =
        object(
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"w\"}}");
    render(ns, pvc, deployment);
    assertEquals("Prune=false,Delete=false", annotation(ns, SyncSafetyTransformer.SYNC_OPTIONS));
    assertEquals(
        "ServerSideApply=true,Prune=confirm,Delete=false",
        annotation(pvc, SyncSafetyTransformer.SYNC_OPTIONS));
    assertNull(annotation(deployment, SyncSafetyTransformer.SYNC_OPTIONS));
  }

  @Test
  void whatWorkloadsNeedComesOneWaveEarlier() {
    Resource cm =
        object("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    Resource secret =
        object("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"}}");
    Resource svc =
        object("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"v\"}}");
    Resource at =
        object(
            "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"AnalysisTemplate\",\"metadata\":{\"name\":\"t\"}}");
    Resource rollout =
        object(
            "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"Rollout\",\"metadata\":{\"name\":\"r\"}}");
    // A Service of another API group is not a core Service.
    Resource knative =
        object(
            "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"k\"}}");
    render(cm, secret, svc, at, rollout, knative);
    for (Resource r : List.of(cm, secret, svc, at)) {
      assertEquals("-1", annotation(r, SyncSafetyTransformer.SYNC_WAVE), r.toString());
    }
    assertNull(annotation(rollout, SyncSafetyTransformer.SYNC_WAVE));
    assertNull(annotation(knative, SyncSafetyTransformer.SYNC_WAVE));
  }

  @Test
  void anOverlayThatSetsAnyWaveOrdersItsObjectsItself() {
    Resource cm =
        object("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    Resource job =
        object(
            "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"migrate\","
                + "\"annotations\":{\"argocd.argoproj.io/sync-wave\":\"-5\"}}}");
    render(cm, job);
    assertNull(annotation(cm, SyncSafetyTransformer.SYNC_WAVE));
    assertEquals("-5", annotation(job, SyncSafetyTransformer.SYNC_WAVE));
  }
}
