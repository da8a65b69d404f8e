package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.YamlVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the patch cases of the conformance corpus (names starting with 08–12) whose kustomizations
 * use nothing but resources (files and directories), {@code openapi} and the three patch fields,
 * through a minimal stand-in for the engine, and compares the resulting objects with kustomize's
 * expected output as trees (order of documents aside: the real ordering is the engine's job).
 * Error cases must fail with an InputException.
 */
class PatchConformanceTest {
  private static final Set<String> SUPPORTED = Set.of(
      "apiVersion", "kind", "resources", "patches", "patchesStrategicMerge", "patchesJson6902", "openapi");

  @TestFactory
  Stream<DynamicTest> patchCases() throws IOException {
    String shared = System.getProperty("shared.dir");
    Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "conformance/kustomize")),
        "conformance corpus not available");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> cases = Files.list(Path.of(shared, "conformance/kustomize"))) {
      for (Path c : cases.sorted().toList()) {
        String name = c.getFileName().toString();
        if (!name.matches("(08|09|10|11|12)\\d-.*")) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(name, () -> runCase(c)));
      }
    }
    return tests.stream();
  }

  private void runCase(Path c) throws IOException {
    Path input = c.resolve("input");
    Path dir = input.resolve(Files.readString(c.resolve("build-dir")).strip()).normalize();
    Assumptions.assumeTrue(supported(dir), "uses kustomize features outside the patch package");
    // a rename is followed by name references elsewhere (case 098's HPA): the engine's job
    Assumptions.assumeFalse(Files.readString(dir.resolve("kustomization.yaml")).contains("allowNameChange: true"),
        "renames need the engine's name-reference step");
    Path expectedFile = c.resolve("expected.yaml");
    if (!Files.exists(expectedFile)) {
      assertThrows(InputException.class, () -> build(dir), "kustomize fails on this case");
      return;
    }
    ResourceList actual = build(dir);
    List<JsonNode> expected = PatchYaml.readAll(Files.readString(expectedFile), YamlVersion.YAML_1_2, SourcePosition.none())
        .stream().filter(n -> n != null && !n.isNull()).toList();
    assertEquals(expected.size(), actual.size(), "number of resources");
    for (JsonNode e : expected) {
      Resource match = null;
      for (Resource r : actual) {
        if (sameIdentity(e, r.body())) {
          match = r;
        }
      }
      if (match == null) {
        fail("no resource like " + e.get("kind") + " " + e.get("metadata").get("name") + " in " + actual.asList());
      }
      assertTrue(JsonPatch.equal(e, match.body()), "resource " + match.id() + "\nexpected: " + e + "\nactual:   " + match.body());
    }
  }

  private static boolean sameIdentity(JsonNode a, JsonNode b) {
    return a.path("apiVersion").equals(b.path("apiVersion")) && a.path("kind").equals(b.path("kind"))
        && a.path("metadata").path("name").equals(b.path("metadata").path("name"))
        && a.path("metadata").path("namespace").equals(b.path("metadata").path("namespace"));
  }

  private static boolean supported(Path dir) throws IOException {
    JsonNode k = kustomization(dir);
    for (String key : k.propertyNames()) {
      if (!SUPPORTED.contains(key)) {
        return false;
      }
    }
    for (JsonNode r : k.path("resources")) {
      Path p = dir.resolve(r.stringValue());
      if (Files.isDirectory(p) && !supported(p)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode kustomization(Path dir) throws IOException {
    return PatchYaml.readAll(Files.readString(dir.resolve("kustomization.yaml")), YamlVersion.YAML_1_1,
        SourcePosition.of(dir)).get(0);
  }

  /** A stand-in for the engine: resources, then patchesStrategicMerge, patches, patchesJson6902. */
  static ResourceList build(Path dir) throws IOException {
    JsonNode k = kustomization(dir);
    ResourceList list = new ResourceList();
    for (JsonNode r : k.path("resources")) {
      Path p = dir.resolve(r.stringValue());
      if (Files.isDirectory(p)) {
        list.addAll(build(p));
        continue;
      }
      for (JsonNode doc : PatchYaml.readAll(Files.readString(p), YamlVersion.YAML_1_2, SourcePosition.of(p))) {
        if (doc instanceof ObjectNode o && !o.isEmpty()) {
          list.add(new Resource(o, SourcePosition.of(p), null));
        }
      }
    }
    MergeSchema schema = MergeSchema.builtin();
    if (k.has("openapi")) {
      Path p = dir.resolve(k.get("openapi").get("path").stringValue());
      schema = MergeSchema.fromOpenApi(
          PatchYaml.readAll(Files.readString(p), YamlVersion.YAML_1_2, SourcePosition.of(p)).get(0), p);
    }
    for (JsonNode e : k.path("patchesStrategicMerge")) {
      String text = e.stringValue();
      Path p = dir.resolve(text.strip());
      boolean file = !text.contains("\n") && Files.isRegularFile(p);
      new PatchStrategicMergeTransformer(file ? Files.readString(p) : text,
          SourcePosition.of(file ? p : dir.resolve("kustomization.yaml")), schema).transform(list);
    }
    for (JsonNode e : k.path("patches")) {
      String inline = e.path("patch").isString() ? e.get("patch").stringValue().strip() : "";
      String path = e.path("path").isString() ? e.get("path").stringValue() : "";
      if (inline.isEmpty() == path.isEmpty()) {
        throw new InputException(SourcePosition.of(dir), inline.isEmpty() ? "must specify one of patch and path"
            : "patch and path can't be set at the same time");
      }
      String text = path.isEmpty() ? inline : Files.readString(dir.resolve(path));
      new PatchTransformer(text, SourcePosition.of(dir.resolve(path.isEmpty() ? "kustomization.yaml" : path)),
          target(e.get("target")), new PatchOptions(e.path("options").path("allowNameChange").asBoolean(false),
              e.path("options").path("allowKindChange").asBoolean(false)), schema).transform(list);
    }
    for (JsonNode e : k.path("patchesJson6902")) {
      String text = e.has("path") ? Files.readString(dir.resolve(e.get("path").stringValue())) : e.get("patch").stringValue();
      new PatchJson6902Transformer(text, SourcePosition.of(dir), target(e.get("target"))).transform(list);
    }
    return list;
  }

  static PatchTarget target(JsonNode t) {
    if (t == null || t.isNull()) {
      return null;
    }
    return new PatchTarget(s(t, "group"), s(t, "version"), s(t, "kind"), s(t, "name"), s(t, "namespace"),
        s(t, "labelSelector"), s(t, "annotationSelector"));
  }

  private static String s(JsonNode t, String key) {
    JsonNode v = t.get(key);
    return v == null || v.isNull() ? null : v.asString();
  }

}
