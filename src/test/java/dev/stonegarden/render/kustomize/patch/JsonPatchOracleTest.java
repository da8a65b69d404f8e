package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Checks the JSON 6902 tables against kubectl kustomize (needs kubectl: {@code
 * testing.Prerequisites}).
 */
class JsonPatchOracleTest {

  @Test
  void operationsAgreeWithKustomize(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    StringBuilder resources = new StringBuilder();
    StringBuilder k = new StringBuilder("resources: [r.yaml]\npatches:\n");
    int i = 0;
    for (JpCases.JpCase c : JpCases.operations()) {
      resources.append("---\n").append(c.docYaml());
      Files.writeString(dir.resolve("p" + i + ".yaml"), c.ops());
      k.append("- path: p")
          .append(i)
          .append(".yaml\n  target: {kind: ConfigMap, name: ")
          .append(c.name())
          .append("}\n");
      i++;
    }
    Files.writeString(dir.resolve("r.yaml"), resources);
    Files.writeString(dir.resolve("kustomization.yaml"), k);
    StrategicMergeOracleTest.Oracle o = StrategicMergeOracleTest.run(dir);
    assertEquals(0, o.exit(), o.err());
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode d : PatchDocuments.trees(o.out())) {
      byName.put(d.get("metadata").get("name").stringValue(), d);
    }
    List<String> wrong = new ArrayList<>();
    for (JpCases.JpCase c : JpCases.operations()) {
      JsonNode actual = byName.get(c.name());
      if (actual == null || !JsonPatch.equal(SmCase.parse(c.expectedYaml()), actual)) {
        wrong.add(c.name() + ": kustomize says " + actual);
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void errorsAgreeWithKustomize(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    List<String> wrong = new ArrayList<>();
    for (JpCases.JpCase c : JpCases.errors()) {
      Path d = Files.createDirectories(dir.resolve(c.name()));
      Files.writeString(d.resolve("r.yaml"), c.docYaml());
      Files.writeString(d.resolve("p.yaml"), c.ops());
      Files.writeString(
          d.resolve("kustomization.yaml"),
          "resources: [r.yaml]\npatches:\n- path: p.yaml\n  target: {kind: ConfigMap}\n");
      StrategicMergeOracleTest.Oracle o = StrategicMergeOracleTest.run(d);
      assertNotEquals(0, o.exit(), c.name() + " succeeded in kustomize: " + o.out());
      // klog quotes the message: \" stands for "
      if (!o.err().replace("\\\"", "\"").contains(c.error())) {
        wrong.add(c.name() + ": " + o.err());
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }
}
