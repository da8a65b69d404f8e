package dev.stonegarden.render.appset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class HpaScaledReplicasTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<IgnoreDifference> ignored(String... objects) {
    List<Resource> resources = new ArrayList<>();
    for (String o : objects) {
      resources.add(new Resource((ObjectNode) JSON.readTree(o), SourcePosition.none(), null));
    }
    return new HpaScaledReplicas()
        .ignoreDifferences(new RenderedEnvironment(null, null, null, "p", resources));
  }

  static final String DEPLOYMENT =
      "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}";
  static final String STATEFULSET =
      "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"name\":\"db\"}}";

  @Test
  void theWorkloadAnHpaScalesAndOnlyThatOne() {
    String hpa =
        "{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"h\"},"
            + "\"spec\":{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"name\":\"db\"}}}";
    assertEquals(
        List.of(IgnoreDifference.pointers("apps", "StatefulSet", "db", "/spec/replicas")),
        ignored(DEPLOYMENT, STATEFULSET, hpa));
  }

  @Test
  void anHpaWhoseTargetIsNotRenderedIgnoresNothing() {
    String hpa =
        "{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"h\"},"
            + "\"spec\":{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"gone\"}}}";
    assertEquals(List.of(), ignored(DEPLOYMENT, hpa));
    assertEquals(List.of(), ignored(DEPLOYMENT));
  }

  @Test
  void aKedaScaledObjectTargetsADeploymentByDefault() {
    String scaled =
        "{\"apiVersion\":\"keda.sh/v1alpha1\",\"kind\":\"ScaledObject\",\"metadata\":{\"name\":\"s\"},"
            + "\"spec\":{\"scaleTargetRef\":{\"name\":\"web\"}}}";
    assertEquals(
        List.of(IgnoreDifference.pointers("apps", "Deployment", "web", "/spec/replicas")),
        ignored(DEPLOYMENT, scaled));
  }
}
