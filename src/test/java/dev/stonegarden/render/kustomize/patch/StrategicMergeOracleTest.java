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
 * Checks the expectations of the strategic-merge tables against the real kustomize: all success
 * cases in one {@code kubectl kustomize} build (every resource has its own name), each error case
 * in its own. Skipped when kubectl is not installed.
 */
class StrategicMergeOracleTest {

  static Oracle run(Path dir) {
    Prerequisites.Output r = Prerequisites.kustomize(dir);
    return new Oracle(r.exitCode(), r.stdout(), r.stderr());
  }

  record Oracle(int exit, String out, String err) {}

  @Test
  void successCasesAgreeWithKustomize(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    List<SmCase> ok = SmCases.all().stream().filter(c -> c.error() == null).toList();
    StringBuilder resources = new StringBuilder();
    StringBuilder kustomization = new StringBuilder("resources: [r.yaml]\npatches:\n");
    int i = 0;
    for (SmCase c : ok) {
      resources.append("---\n").append(c.resource());
      Files.writeString(dir.resolve("p" + i + ".yaml"), c.patch());
      kustomization.append("- path: p").append(i).append(".yaml\n");
      i++;
    }
    Files.writeString(dir.resolve("r.yaml"), resources);
    Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
    Oracle o = run(dir);
    assertEquals(0, o.exit, o.err);
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode d : PatchDocuments.trees(o.out)) {
      byName.put(d.get("metadata").get("name").stringValue(), d);
    }
    List<String> wrong = new ArrayList<>();
    for (SmCase c : ok) {
      JsonNode actual = byName.get(c.name());
      if (c.expected().equals(SmCase.DELETED)) {
        if (actual != null) {
          wrong.add(c.name() + ": kustomize kept it: " + actual);
        }
      } else if (actual == null || !JsonPatch.equal(c.expectedTree(), actual)) {
        wrong.add(c.name() + ": kustomize says " + actual);
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void errorCasesFailInKustomize(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    for (SmCase c : SmCases.errors()) {
      Path d = Files.createDirectories(dir.resolve(c.name()));
      Files.writeString(d.resolve("r.yaml"), c.resource());
      Files.writeString(d.resolve("p.yaml"), c.patch());
      Files.writeString(
          d.resolve("kustomization.yaml"), "resources: [r.yaml]\npatches:\n- path: p.yaml\n");
      Oracle o = run(d);
      assertNotEquals(0, o.exit, c.name() + " succeeded in kustomize: " + o.out);
      assertTrue(o.err.contains(c.error()), c.name() + ": " + o.err);
    }
  }
}
