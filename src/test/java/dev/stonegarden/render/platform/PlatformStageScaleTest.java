package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.yaml.SourceMap;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * 5,000 objects through the whole platform stage: all kept, the Namespace and the AnalysisTemplate
 * added. Its time (the bar is a 5,000-object render in under a second) and its scaling are measured
 * by {@code bench/scaling.sh}, never asserted in a unit test.
 */
class PlatformStageScaleTest {

  static ResourceList build(int apps) {
    ResourceList list = new ResourceList();
    for (int i = 0; i < apps; i++) {
      String name = String.format(Locale.ROOT, "app-%04d", i);
      for (String yaml :
          new String[] {
            "apiVersion: v1\nkind: Service\nmetadata: {name: NAME}\nspec: {selector: {app: NAME}}\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: NAME}\nspec:\n  selector: {matchLabels: {app: NAME}}\n"
                + "  template:\n    metadata: {labels: {app: NAME}}\n    spec: {containers: [{name: c, image: \"img:1\", env: [{name: A, value: b}]}]}\n",
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: NAME}\n"
                + "spec: {maxReplicas: 3, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: NAME}}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: NAME}\ndata: {a: b}\n",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: NAME}\n"
          }) {
        ObjectNode body = Fixtures.tree(yaml.replace("NAME", name));
        list.add(
            new Resource(
                body,
                SourcePosition.of(Fixtures.OVERLAY_FILE),
                SourceMap.empty(Fixtures.OVERLAY_FILE)));
      }
    }
    return list;
  }

  @Test
  void fiveThousandObjects() {
    ServiceSpec.Environment env = Fixtures.canary();
    Values values =
        new Values(
            new Values.Settings("2", null, null, Map.of("A", "c", "B", "d")),
            Map.of(),
            Path.of("values.yaml"),
            SourceMap.empty(Path.of("values.yaml")));
    PlatformContext ctx =
        new PlatformContext(
            Fixtures.service(env),
            env,
            Fixtures.platform(),
            values,
            null,
            null,
            Path.of("environments/canary"),
            null);
    ResourceList list = build(1000);
    PlatformStage.apply(ctx, list);
    assertEquals(6001, list.size()); // + Namespace + an AnalysisTemplate per converted workload
    // Its time and scaling are measured by bench/scaling.sh (platform-stage), not asserted here.
  }
}
