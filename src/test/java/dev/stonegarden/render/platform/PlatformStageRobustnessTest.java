package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.fail;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad overlay output never crashes the platform stage: every node of a realistic overlay is
 * replaced, one at a time, by a value of each other JSON type; the stage must either succeed or
 * throw an {@link InputException} (a diagnostic, never a stack trace).
 */
class PlatformStageRobustnessTest {
  static final String OVERLAY =
      PlatformStageTest.OVERLAY
          + """
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: worker, labels: {app: worker}}
      spec:
        strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
        selector: {matchLabels: {app: worker}}
        template:
          metadata: {labels: {app: worker}}
          spec:
            initContainers: [{name: init, image: "busybox:1"}]
            containers: [{name: w, image: "w:1@sha256:00", env: [{name: A, value: b}], resources: {limits: {cpu: 1}}}]
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: worker}
      spec: {maxReplicas: 3, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: worker}}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: owned}
      spec:
        strategy:
          canary:
            steps: [{setWeight: 10}, {pause: {duration: 10m}}, {setWeight: 50}, {pause: {duration: 10m}}, {setWeight: 100}]
            analysis: {templates: [{templateName: mine, clusterScope: false}]}
      """;

  static final List<JsonNode> REPLACEMENTS =
      List.of(
          Nodes.JSON.stringNode("x"),
          Nodes.JSON.numberNode(1),
          Nodes.JSON.arrayNode(),
          Nodes.JSON.objectNode(),
          Nodes.JSON.nullNode(),
          Nodes.JSON.booleanNode(true));

  @Test
  void everyNodeReplacedByEveryOtherType() {
    Values values =
        new Values(
            new Values.Settings("2", 3, Fixtures.tree("{requests: {cpu: 1}}"), Map.of("A", "c")),
            Map.of("worker", new Values.Settings(null, 1, null, null)),
            null,
            dev.stonegarden.render.yaml.SourceMap.empty(null));
    PlatformContext ctx =
        new PlatformContext(
            Fixtures.service(Fixtures.canary()),
            Fixtures.canary(),
            Fixtures.platform(),
            values,
            null,
            "argoproj.io/v1alpha1/Rollout",
            Path.of("environments/canary"),
            null);
    int runs = 0;
    List<String> crashes = new ArrayList<>();
    ResourceList original = Fixtures.resources(OVERLAY);
    for (int doc = 0; doc < original.size(); doc++) {
      for (String pointer : pointers(original.get(doc).body(), "")) {
        for (JsonNode replacement : REPLACEMENTS) {
          ResourceList list = Fixtures.resources(OVERLAY);
          ObjectNode body = list.get(doc).body();
          if (!replace(body, pointer, replacement.deepCopy())) {
            continue;
          }
          runs++;
          try {
            PlatformStage.apply(ctx, list);
          } catch (InputException expected) {
            // a diagnostic: fine
          } catch (RuntimeException e) {
            crashes.add(doc + pointer + " := " + replacement + ": " + e);
          }
        }
      }
    }
    if (!crashes.isEmpty() || runs < 300) {
      fail(runs + " runs, crashes: " + String.join("\n", crashes));
    }
  }

  static List<String> pointers(JsonNode node, String at) {
    List<String> out = new ArrayList<>();
    if (node instanceof ObjectNode o) {
      for (String key : o.propertyNames()) {
        String p = at + "/" + dev.stonegarden.render.yaml.SourceMap.escape(key);
        out.add(p);
        out.addAll(pointers(o.get(key), p));
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(at + "/" + i);
        out.addAll(pointers(a.get(i), at + "/" + i));
      }
    }
    return out;
  }

  static boolean replace(ObjectNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent =
        pointer.substring(0, slash).isEmpty() ? root : root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      if (o.get(last).getNodeType() == value.getNodeType()) {
        return false;
      }
      o.set(last, value);
      return true;
    }
    if (parent instanceof ArrayNode a) {
      int i = Integer.parseInt(last);
      if (a.get(i).getNodeType() == value.getNodeType()) {
        return false;
      }
      a.set(i, value);
      return true;
    }
    return false;
  }
}
