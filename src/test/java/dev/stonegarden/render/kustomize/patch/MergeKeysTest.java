package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MergeKeysTest {

  @Test
  void resourceFileIsWhatTheGeneratorWrites() throws Exception {
    Path schema = Prerequisites.shared("schemas/kubernetes-1.33.0-openapi.json");
    String expected =
        new MergeKeysGenerator(new JsonMapper().readTree(Files.readString(schema))).generate();
    String actual;
    try (InputStream in = MergeSchema.class.getResourceAsStream(MergeSchema.BUILTIN_RESOURCE)) {
      assertNotNull(in, "mergekeys.txt is on the class path");
      actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(
        expected,
        actual,
        "mergekeys.txt differs from the generator's output: run MergeKeysGenerator.main");
  }

  @Test
  void tableMatchesTheSpecTable() {
    MergeSchema s = MergeSchema.builtin();
    SchemaNode podSpec =
        s.forType("apps/v1", "Deployment").field("spec").field("template").field("spec");
    assertList(podSpec, "containers", List.of("name"));
    assertList(podSpec, "initContainers", List.of("name"));
    assertList(podSpec, "ephemeralContainers", List.of("name"));
    assertList(podSpec, "volumes", List.of("name"));
    assertList(podSpec, "imagePullSecrets", List.of("name"));
    assertList(podSpec, "hostAliases", List.of("ip"));
    assertList(podSpec, "topologySpreadConstraints", List.of("topologyKey", "whenUnsatisfiable"));
    SchemaNode container = podSpec.field("containers").elements();
    assertList(container, "env", List.of("name"));
    assertList(container, "volumeMounts", List.of("mountPath"));
    assertList(container, "volumeDevices", List.of("devicePath"));
    assertList(container, "ports", List.of("containerPort", "protocol"));
    SchemaNode ephemeral = podSpec.field("ephemeralContainers").elements();
    assertList(ephemeral, "env", List.of("name"));
    assertNotAssociative(ephemeral, "ports"); // 1.21.2: ports of ephemeral containers do not merge
    assertNotAssociative(podSpec, "tolerations");
    assertNotAssociative(podSpec, "schedulingGates"); // added after 1.21
    assertNotAssociative(podSpec, "resourceClaims");
    assertNotAssociative(container, "args");
    assertNotAssociative(container, "envFrom");
    assertList(s.forType("v1", "Service").field("spec"), "ports", List.of("port", "protocol"));
    assertList(s.forType("v1", "ServiceAccount"), "secrets", List.of("name"));
    assertList(s.forType("v1", "ConfigMap").field("metadata"), "finalizers", List.of());
    assertList(s.forType("v1", "ConfigMap").field("metadata"), "ownerReferences", List.of("uid"));
    assertList(
        s.forType("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration"),
        "webhooks",
        List.of("name"));
    assertList(
        s.forType("storage.k8s.io/v1beta1", "CSINode").field("spec"), "drivers", List.of("name"));
    SchemaNode cronPod =
        s.forType("batch/v1beta1", "CronJob")
            .field("spec")
            .field("jobTemplate")
            .field("spec")
            .field("template")
            .field("spec");
    assertList(cronPod, "containers", List.of("name"));
    assertList(
        s.forType("v1", "PodTemplate").field("template").field("spec"),
        "containers",
        List.of("name"));
    assertList(s.forType("v1", "Pod").field("spec"), "containers", List.of("name"));
    assertList(
        s.forType("apps/v1", "StatefulSet").field("spec").field("template").field("spec"),
        "volumes",
        List.of("name"));
  }

  @Test
  void kindsWithoutSchema() {
    MergeSchema s = MergeSchema.builtin();
    assertNull(s.forType("autoscaling/v2", "HorizontalPodAutoscaler")); // not in 1.21.2
    assertNotNull(s.forType("autoscaling/v2beta2", "HorizontalPodAutoscaler"));
    assertNull(s.forType("argoproj.io/v1alpha1", "Rollout"));
    assertNull(s.forType("", "Deployment"));
    assertNull(s.forType("apps/v1beta1", "Deployment"));
    assertNotNull(s.forType("policy/v1beta1", "PodSecurityPolicy"));
    assertNotNull(s.forType("extensions/v1beta1", "Ingress"));
  }

  private static void assertList(SchemaNode parent, String field, List<String> keys) {
    SchemaNode f = parent.field(field);
    assertNotNull(f, field + " has a schema");
    assertTrue(f.isAssociative(), field + " merges by key");
    assertEquals(keys, f.mergeKeys(), field + " keys");
  }

  private static void assertNotAssociative(SchemaNode parent, String field) {
    SchemaNode f = parent.field(field);
    assertTrue(f == null || !f.isAssociative(), field + " is replaced, not merged");
  }
}
