package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random Deployment and Service pairs (fixed seed) built from the vocabulary where kyaml's merge
 * has its quirks (keyed lists, multi-key ports, scalar sets, directives, nulls), merged by us and
 * by kubectl kustomize in one build; every result must agree. Needs kubectl ({@code
 * testing.Prerequisites}).
 */
class StrategicMergeDifferentialTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int CASES = 300;

  // -Dpatches.seed=N explores other inputs; the default keeps the test reproducible
  private final Random random = new Random(Long.getLong("patches.seed", 20261129L));

  @Test
  void randomMergesAgreeWithKustomize(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    StringBuilder resources = new StringBuilder();
    StringBuilder k = new StringBuilder("resources: [r.yaml]\npatches:\n");
    Map<String, JsonNode> ours = new LinkedHashMap<>();
    Map<String, String> inputs = new LinkedHashMap<>();
    int skipped = 0;
    for (int i = 0; i < CASES; i++) {
      String name = "case-" + i;
      boolean service = random.nextInt(4) == 0;
      ObjectNode resource = service ? service(name, false) : deployment(name, false);
      ObjectNode patch = service ? service(name, true) : deployment(name, true);
      ObjectNode merged = resource.deepCopy();
      try {
        MergeResult r = StrategicMerge.merge(merged, patch, MergeSchema.builtin(), null);
        ours.put(name, r.deleted() ? null : r.body());
      } catch (InputException e) {
        skipped++; // kustomize would fail the whole build; such inputs are covered by the tables
        continue;
      }
      inputs.put(name, "resource: " + resource + "\npatch:    " + patch);
      resources.append("---\n").append(resource).append('\n');
      Files.writeString(dir.resolve("p" + i + ".json"), patch.toString());
      k.append("- path: p").append(i).append(".json\n");
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
      boolean same =
          e.getValue() == null ? want == null : want != null && JsonPatch.equal(want, e.getValue());
      if (!same) {
        wrong.add(
            e.getKey()
                + "\n"
                + inputs.get(e.getKey())
                + "\nkustomize: "
                + want
                + "\nours:      "
                + e.getValue());
      }
    }
    System.out.println(
        "differential (seed "
            + Long.getLong("patches.seed", 20261129L)
            + "): "
            + ours.size()
            + " merges compared, "
            + skipped
            + " inputs our merge rejects");
    assertTrue(skipped < CASES / 3, "too many generated inputs fail: " + skipped);
    assertTrue(
        wrong.isEmpty(),
        wrong.size()
            + " differences:\n"
            + String.join("\n\n", wrong.subList(0, Math.min(5, wrong.size()))));
  }

  // ---------------------------------------------------------------------------------------------
  // Generators. Patch-only features (directives, nulls) appear when {@code patch} is true.

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private ObjectNode head(String apiVersion, String kind, String name, boolean patch) {
    ObjectNode o = F.objectNode();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", name);
    if (chance(30)) {
      ArrayNode fin = meta.putArray("finalizers");
      for (int i = random.nextInt(3); i >= 0; i--) {
        fin.add(pick("f1", "f2", "f3"));
      }
    }
    if (chance(30)) {
      ObjectNode labels = meta.putObject("labels");
      for (int i = random.nextInt(3); i >= 0; i--) {
        if (patch && chance(30)) {
          labels.putNull(pick("a", "b", "c"));
        } else {
          labels.put(pick("a", "b", "c"), pick("x", "y"));
        }
      }
    }
    return o;
  }

  private ObjectNode deployment(String name, boolean patch) {
    ObjectNode o = head("apps/v1", "Deployment", name, patch);
    if (patch && chance(2)) {
      o.put("$patch", pick("delete", "replace"));
    }
    ObjectNode spec = o.putObject("spec");
    if (chance(40)) {
      spec.put("replicas", random.nextInt(4));
    }
    if (chance(20)) {
      ObjectNode strategy = spec.putObject("strategy");
      strategy.put("type", pick("Recreate", "RollingUpdate"));
      if (chance(50)) {
        strategy.putObject("rollingUpdate").put("maxSurge", random.nextInt(3));
      }
    }
    ObjectNode pod = spec.putObject("template").putObject("spec");
    if (chance(85)) {
      pod.set("containers", list(patch, this::container, "name", "a", "b", "c"));
    }
    if (chance(30)) {
      pod.set("initContainers", list(patch, this::container, "name", "init"));
    }
    if (chance(30)) {
      pod.set("volumes", list(patch, this::volume, "name", "v1", "v2"));
    }
    if (chance(20)) {
      ArrayNode tol = pod.putArray("tolerations");
      tol.addObject().put("key", pick("k1", "k2"));
    }
    if (chance(25)) {
      ObjectNode ns = pod.putObject("nodeSelector");
      ns.put(pick("n1", "n2"), pick("x", "y"));
      if (patch && chance(25)) {
        ns.put("$patch", pick("replace", "delete", "merge"));
      }
    }
    if (patch && chance(10)) {
      pod.putNull(pick("containers", "volumes", "nodeSelector", "tolerations"));
    }
    if (chance(20)) {
      pod.set(
          "topologySpreadConstraints", list(patch, this::spread, "topologyKey", "zone", "host"));
    }
    return o;
  }

  private ObjectNode service(String name, boolean patch) {
    ObjectNode o = head("v1", "Service", name, patch);
    ObjectNode spec = o.putObject("spec");
    if (chance(85)) {
      spec.set("ports", list(patch, this::servicePort, "port", "80", "443"));
    }
    if (chance(30)) {
      spec.putObject("selector").put(pick("app", "tier"), pick("x", "y"));
    }
    return o;
  }

  interface Element {
    ObjectNode make(String key, boolean patch);
  }

  /** A keyed list; in patches sometimes with a list directive, element directives or no key. */
  private ArrayNode list(boolean patch, Element element, String keyField, String... keys) {
    ArrayNode a = F.arrayNode();
    if (patch && chance(8)) {
      a.addObject().put("$patch", pick("replace", "delete", "merge"));
    }
    for (int i = random.nextInt(keys.length + 1); i > 0; i--) {
      ObjectNode e = element.make(pick(keys), patch);
      if (chance(3)) {
        e.remove(keyField);
      }
      if (patch && chance(10)) {
        e.put("$patch", pick("delete", "replace"));
      }
      a.add(e);
    }
    return a;
  }

  private ObjectNode container(String name, boolean patch) {
    ObjectNode c = F.objectNode();
    c.put("name", name);
    if (chance(60)) {
      c.put("image", pick("img:1", "img:2"));
    }
    if (chance(40)) {
      c.set(
          "env",
          list(
              patch,
              (k, p) -> {
                ObjectNode e = F.objectNode();
                e.put("name", k);
                if (p && chance(15)) {
                  e.putNull("value");
                } else {
                  e.put("value", pick("1", "2"));
                }
                return e;
              },
              "name",
              "X",
              "Y",
              "Z"));
    }
    if (chance(35)) {
      c.set(
          "ports",
          list(
              patch,
              (k, p) -> {
                ObjectNode e = F.objectNode();
                e.put("containerPort", Integer.parseInt(k));
                if (chance(40)) {
                  e.put("protocol", pick("TCP", "UDP"));
                }
                if (chance(40)) {
                  e.put("name", pick("http", "metrics"));
                }
                if (chance(20)) {
                  e.put("hostPort", 9000 + random.nextInt(3));
                }
                return e;
              },
              "containerPort",
              "80",
              "81"));
    }
    if (chance(25)) {
      ArrayNode args = c.putArray("args");
      args.add(pick("--a", "--b"));
    }
    if (chance(20)) {
      c.set(
          "volumeMounts",
          list(
              patch,
              (k, p) -> {
                ObjectNode e = F.objectNode();
                e.put("mountPath", k);
                e.put("name", pick("v1", "v2"));
                return e;
              },
              "mountPath",
              "/a",
              "/b"));
    }
    return c;
  }

  private ObjectNode volume(String name, boolean patch) {
    ObjectNode v = F.objectNode();
    v.put("name", name);
    if (chance(50)) {
      v.putObject("emptyDir");
    } else {
      v.putObject("configMap").put("name", pick("cm1", "cm2"));
    }
    return v;
  }

  private ObjectNode spread(String key, boolean patch) {
    ObjectNode s = F.objectNode();
    s.put("topologyKey", key);
    if (chance(60)) {
      s.put("whenUnsatisfiable", pick("DoNotSchedule", "ScheduleAnyway"));
    }
    s.put("maxSkew", 1 + random.nextInt(2));
    return s;
  }

  private ObjectNode servicePort(String port, boolean patch) {
    ObjectNode p = F.objectNode();
    p.put("port", Integer.parseInt(port));
    if (chance(40)) {
      p.put("protocol", pick("TCP", "UDP"));
    }
    if (chance(50)) {
      p.put("targetPort", 8000 + random.nextInt(3));
    }
    if (chance(40)) {
      p.put("name", pick("http", "https"));
    }
    return p;
  }
}
