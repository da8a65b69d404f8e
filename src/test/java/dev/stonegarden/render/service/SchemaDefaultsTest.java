package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code default}s the shipped schemas announce (editors show them, docs/platform-yaml.md and
 * docs/service-yaml.md print them) are the values the readers apply when a key is left out.
 */
class SchemaDefaultsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An object holding every default found under {@code schema}'s properties, recursively. */
  private static ObjectNode defaults(JsonNode schema, int[] count) {
    ObjectNode out = JSON.createObjectNode();
    JsonNode properties = schema.get("properties");
    if (properties == null) {
      return out;
    }
    for (Map.Entry<String, JsonNode> p : properties.properties()) {
      JsonNode s = p.getValue();
      if (s.has("default")) {
        out.set(p.getKey(), s.get("default"));
        count[0]++;
      } else if (s.has("properties")) {
        ObjectNode nested = defaults(s, count);
        if (!nested.isEmpty()) {
          out.set(p.getKey(), nested);
        }
      }
    }
    return out;
  }

  @Test
  void platformYamlSpellingOutEveryDefaultIsNoPlatformYaml(@TempDir Path dir) throws IOException {
    int[] count = {0};
    ObjectNode spec = defaults(Schemas.PLATFORM.tree().at("/properties/spec"), count);
    assertTrue(count[0] >= 15, "found only " + count[0] + " defaults in the platform schema");
    ObjectNode doc = JSON.createObjectNode();
    doc.put("apiVersion", "platform.stonegarden.dev/v1alpha1");
    doc.put("kind", "Platform");
    doc.set("spec", spec);
    Path file = dir.resolve("platform.yaml");
    Files.writeString(file, JSON.writeValueAsString(doc), StandardCharsets.UTF_8);

    PlatformSettings read = PlatformReader.read(file);
    PlatformSettings none = PlatformReader.defaults();
    assertEquals(
        none,
        new PlatformSettings(
            read.name(),
            read.pipeline(),
            read.labelDomain(),
            read.clusters(),
            read.argocd(),
            read.prometheus(),
            read.sli(),
            read.monitoring(),
            read.dependencies(),
            read.networkPolicy(),
            null,
            PlatformSettings.Canary.DEFAULTS,
            PlatformSettings.Kargo.DEFAULTS,
            PlatformSettings.TrafficRouting.NONE));
  }

  @Test
  void environmentDefaultsAreTheReadersDefaults(@TempDir Path dir) throws IOException {
    JsonNode environment = Schemas.SERVICE.tree().at("/$defs/environment/properties");
    Path file = dir.resolve("service.yaml");
    Files.writeString(
        file,
        """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Service
        metadata: {name: app}
        spec:
          owner: {team: team}
          environments:
            - {name: dev, namespace: app-dev}
        """,
        StandardCharsets.UTF_8);
    ServiceSpec.Environment dev =
        ServiceReader.read(file, PlatformReader.defaults()).environments().get(0);
    assertEquals(environment.at("/cluster/default").stringValue(), dev.cluster());
    assertEquals(environment.at("/autoSync/default").booleanValue(), dev.autoSync());
  }
}
