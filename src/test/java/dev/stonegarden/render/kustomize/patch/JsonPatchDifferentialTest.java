package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Random JSON 6902 patches (fixed seed; JSON or YAML text) on a ConfigMap-shaped document, applied
 * by us and by kubectl kustomize: successful results must be equal, and a sample of failing patches
 * must fail in kustomize with the same message. Needs kubectl ({@code testing.Prerequisites}).
 */
class JsonPatchDifferentialTest {
  private static final int CASES = 250;
  private static final int ERROR_SAMPLES = 8;
  private static final String[] PATHS = {
    "/data/a",
    "/data/b",
    "/data/new",
    "/data/a~1b",
    "/list/0",
    "/list/1",
    "/list/-",
    "/list/-1",
    "/list/7",
    "/list/x",
    "/obj",
    "/obj/x",
    "/obj/x/y",
    "/obj/n",
    "/obj/f",
    "/missing/x",
    "/data",
    "x/data/a",
    "/nul",
    "/nul/x"
  };
  private static final String[] VALUES = {
    "1",
    "1.0",
    "1.50",
    "\"1\"",
    "true",
    "null",
    "\"yes\"",
    "{\"y\": [1, \"2\"]}",
    "[]",
    "{}",
    "\"s\""
  };
  private static final String[] YAML_VALUES = {
    "1", "1.0", "1.50", "'1'", "yes", "~", "0755", "{y: [1, '2']}", "[]", "{}", "s"
  };

  private final Random random = new Random(Long.getLong("patches.seed", 20261129L));

  private static final String DOC_BODY =
      "data: {a: '1', b: '2', a/b: '3'}\nlist: [x, {k: v}, 3]\nobj: {x: {y: 1}, n: 1, f: 1.5}\nnul: null\n";

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private String ops(boolean json) {
    StringBuilder sb = new StringBuilder(json ? "[" : "");
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String op =
          pick("add", "add", "remove", "replace", "replace", "move", "copy", "test", "test");
      String path = random.nextInt(12) == 0 && op.equals("test") ? "" : pick(PATHS);
      boolean from = op.equals("move") || op.equals("copy");
      boolean value = !op.equals("remove") && !from;
      if (json) {
        sb.append(i > 0 ? ", " : "")
            .append("{\"op\": \"")
            .append(op)
            .append("\", \"path\": \"")
            .append(path)
            .append('"');
        if (from) {
          sb.append(", \"from\": \"").append(pick(PATHS)).append('"');
        }
        if (value) {
          sb.append(", \"value\": ").append(pick(VALUES));
        }
        sb.append('}');
      } else {
        sb.append("- op: ").append(op).append("\n  path: '").append(path).append("'\n");
        if (from) {
          sb.append("  from: ").append(pick(PATHS)).append('\n');
        }
        if (value) {
          sb.append("  value: ").append(pick(YAML_VALUES)).append('\n');
        }
      }
    }
    return json ? sb.append(']').toString() : sb.toString();
  }

  @Test
  void randomPatchesAgreeWithKustomize(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    StringBuilder resources = new StringBuilder();
    StringBuilder k = new StringBuilder("resources: [r.yaml]\npatches:\n");
    Map<String, JsonNode> ours = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    List<String[]> failures = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String name = "jp-" + i;
      String doc = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n" + DOC_BODY;
      String text = ops(random.nextBoolean());
      try {
        ArrayNode ops = PatchParser.parseJson6902(text, SourcePosition.none()).jsonOps();
        JsonNode result = JsonPatch.apply(SmCase.parse(doc), ops);
        ours.put(name, result);
      } catch (InputException e) {
        failures.add(new String[] {doc, text, e.diagnostics().get(0).message()});
        continue;
      }
      texts.put(name, text);
      resources.append("---\n").append(doc);
      Files.writeString(dir.resolve("p" + i + ".yaml"), text);
      k.append("- path: p")
          .append(i)
          .append(".yaml\n  target: {kind: ConfigMap, name: ")
          .append(name)
          .append("}\n");
    }
    Files.writeString(dir.resolve("r.yaml"), resources);
    Files.writeString(dir.resolve("kustomization.yaml"), k);
    StrategicMergeOracleTest.Oracle o = StrategicMergeOracleTest.run(dir);
    assertEquals(0, o.exit(), o.err());
    Map<String, JsonNode> theirs = new LinkedHashMap<>();
    for (JsonNode d : PatchDocuments.trees(o.out())) {
      theirs.put(d.get("metadata").get("name").stringValue(), d);
    }
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : ours.entrySet()) {
      JsonNode want = theirs.get(e.getKey());
      if (want == null || !JsonPatch.equal(want, e.getValue())) {
        wrong.add(
            e.getKey()
                + "\n"
                + texts.get(e.getKey())
                + "\nkustomize: "
                + want
                + "\nours:      "
                + e.getValue());
      }
    }
    System.out.println(
        "json differential (seed "
            + Long.getLong("patches.seed", 20261129L)
            + "): "
            + ours.size()
            + " results compared, "
            + failures.size()
            + " failing patches");
    for (int i = 0; i < Math.min(ERROR_SAMPLES, failures.size()); i++) {
      String[] f = failures.get(i);
      Path d = Files.createDirectories(dir.resolve("err" + i));
      Files.writeString(d.resolve("r.yaml"), f[0]);
      Files.writeString(d.resolve("p.yaml"), f[1]);
      Files.writeString(
          d.resolve("kustomization.yaml"),
          "resources: [r.yaml]\npatches:\n- path: p.yaml\n  target: {kind: ConfigMap}\n");
      StrategicMergeOracleTest.Oracle eo = StrategicMergeOracleTest.run(d);
      if (eo.exit() == 0) {
        wrong.add("kustomize accepts what we reject (" + f[2] + "):\n" + f[1]);
      } else if (!eo.err().replace("\\\"", "\"").contains(f[2])) {
        wrong.add(
            "different error for\n" + f[1] + "\nkustomize: " + eo.err() + "ours:      " + f[2]);
      }
    }
    assertTrue(
        wrong.isEmpty(),
        wrong.size()
            + " differences:\n"
            + String.join("\n\n", wrong.subList(0, Math.min(5, wrong.size()))));
  }
}
