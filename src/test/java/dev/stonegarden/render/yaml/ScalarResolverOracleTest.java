package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@link ScalarResolver} against {@code kubectl kustomize} (needs kubectl: {@code
 * testing.Prerequisites}): every plain scalar of the resolver's tables is put into a resource
 * (go-yaml v3) and into a JSON 6902 patch value (go-yaml v2); kustomize's output, read back, must
 * hold the value we resolved.
 */
class ScalarResolverOracleTest {

  /**
   * Every text of the resolver's tables that kustomize can print (not .inf/.nan, not a bare '-').
   */
  static List<String> texts() {
    Set<String> all = new LinkedHashSet<>();
    Stream.of(ScalarResolverTest.common(), ScalarResolverTest.v3(), ScalarResolverTest.v2())
        .flatMap(s -> s)
        .forEach(a -> all.add((String) a.get()[0]));
    all.addAll(
        List.of(
            "0x1p-2",
            "1e+3",
            "+12_3",
            "0_7",
            "0b_1",
            "-0o17",
            "2001-1-1t1:1:1Z",
            "2001-01-01 1:2:3.5",
            "TRUE_",
            "~x"));
    return all.stream()
        .filter(t -> !t.equals("-"))
        .filter(
            t ->
                !ScalarResolver.resolvePlain(t, YamlVersion.YAML_1_2).isDouble()
                    || Double.isFinite(
                        ScalarResolver.resolvePlain(t, YamlVersion.YAML_1_2).doubleValue()))
        .filter(
            t ->
                !ScalarResolver.resolvePlain(t, YamlVersion.YAML_1_1).isDouble()
                    || Double.isFinite(
                        ScalarResolver.resolvePlain(t, YamlVersion.YAML_1_1).doubleValue()))
        .collect(Collectors.toList());
  }

  static JsonNode build(Path dir) throws IOException, InterruptedException {
    return buildRoot(dir).get("spec");
  }

  /**
   * The first document kubectl kustomize prints for {@code dir}, read back with go-yaml v2's rules.
   */
  static JsonNode buildRoot(Path dir) throws IOException, InterruptedException {
    Prerequisites.Output out = Prerequisites.kustomize(dir);
    assertEquals(0, out.exitCode(), "kubectl kustomize failed: " + out.stderr());
    // kustomize's output comes from go-yaml v2's emitter, which quotes exactly what v2 would
    // misread:
    // read it back with v2's rules (v3 would read the plain string 0o-17 as -15).
    List<YamlDocument> docs =
        YamlReader.read(
            dir.resolve("out.yaml"),
            out.stdout(),
            new YamlReader.Options(
                YamlVersion.YAML_1_1,
                YamlLimits.DEFAULT,
                YamlReader.KeyPolicy.REJECT,
                YamlReader.DuplicateKeys.ERROR,
                true));
    return docs.get(0).root();
  }

  /**
   * Same value: equal strings, booleans and nulls; numbers equal as numbers (JSON loses 1.0 vs 1).
   */
  static void assertSame(String text, JsonNode expected, JsonNode actual, boolean asFloat64) {
    String what =
        "plain scalar [" + text + "]: expected " + expected + ", kustomize gave " + actual;
    if (expected.isNumber()) {
      assertTrue(actual != null && actual.isNumber(), what);
      if (asFloat64) {
        assertTrue(expected.doubleValue() == actual.doubleValue(), what); // -0.0 prints as 0
      } else {
        assertEquals(0, expected.decimalValue().compareTo(actual.decimalValue()), what);
      }
    } else {
      assertEquals(expected, actual, what);
    }
  }

  @Test
  void resourcesAreTypedLikeGoYamlV3(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    List<String> texts = texts();
    StringBuilder r =
        new StringBuilder(
            "apiVersion: example.com/v1\nkind: Scalars\nmetadata:\n  name: s\nspec:\n");
    for (int i = 0; i < texts.size(); i++) {
      r.append("  k").append(i).append(": ").append(texts.get(i)).append('\n');
    }
    Files.writeString(dir.resolve("r.yaml"), r);
    Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- r.yaml\n");
    JsonNode spec = build(dir);
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      assertSame(t, ScalarResolver.resolvePlain(t, YamlVersion.YAML_1_2), spec.get("k" + i), false);
    }
  }

  @Test
  void json6902ValuesAreTypedLikeGoYamlV2(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    List<String> texts = texts();
    Files.writeString(
        dir.resolve("r.yaml"), "apiVersion: example.com/v1\nkind: Scalars\nmetadata:\n  name: s\n");
    StringBuilder k =
        new StringBuilder(
            "resources:\n- r.yaml\npatches:\n- target: {kind: Scalars}\n  patch: |-\n    - op: add\n      path: /spec\n      value:\n");
    List<String> used = new ArrayList<>();
    for (String t : texts) {
      k.append("        k").append(used.size()).append(": ").append(t).append('\n');
      used.add(t);
    }
    Files.writeString(dir.resolve("kustomization.yaml"), k);
    JsonNode spec = build(dir);
    for (int i = 0; i < used.size(); i++) {
      String t = used.get(i);
      // The patch goes through JSON and Go's float64: compare numbers as doubles.
      assertSame(t, ScalarResolver.resolvePlain(t, YamlVersion.YAML_1_1), spec.get("k" + i), true);
    }
  }

  @Test
  void kustomizationKeysAreStringifiedLikeYamlToJson(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    String value =
        "1: a\ntrue: b\ny: c\n1.5: d\n0x10: e\n2024-01-01: f\n0.1: g\n1e3: h\n12345678.9: i\n"
            + "-0.0: j\n.inf: k\noff: l\n1e-7: m\n3.14159265358979: n\n";
    Files.writeString(
        dir.resolve("r.yaml"), "apiVersion: example.com/v1\nkind: Scalars\nmetadata:\n  name: s\n");
    StringBuilder k =
        new StringBuilder(
            "resources:\n- r.yaml\npatches:\n- target: {kind: Scalars}\n  patch: |-\n    - op: add\n      path: /spec\n      value:\n");
    for (String line : value.split("\n")) {
      k.append("        ").append(line).append('\n');
    }
    Files.writeString(dir.resolve("kustomization.yaml"), k);
    JsonNode spec = build(dir);
    JsonNode ours =
        YamlReader.read(Path.of("k.yaml"), value, YamlReader.Options.kustomization()).get(0).root();
    assertEquals(
        ours.propertyNames().stream().sorted().collect(Collectors.toList()),
        spec.propertyNames().stream().sorted().collect(Collectors.toList()));
  }

  @Test
  void mergeKeysInYaml11FollowGoYamlV2(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    String value =
        "m: &m {a: from-m, b: mb}\nn: &n {a: from-n, c: nc}\nx: {a: explicit, <<: *m}\n"
            + "s: {<<: [*m, *n]}\nz: {<<: *m, a: explicit}\nw: {<<: *n, <<: *m}\n";
    Files.writeString(
        dir.resolve("r.yaml"), "apiVersion: example.com/v1\nkind: Scalars\nmetadata:\n  name: s\n");
    StringBuilder k =
        new StringBuilder(
            "resources:\n- r.yaml\npatches:\n- target: {kind: Scalars}\n  patch: |-\n    - op: add\n      path: /spec\n      value:\n");
    for (String line : value.split("\n")) {
      k.append("        ").append(line).append('\n');
    }
    Files.writeString(dir.resolve("kustomization.yaml"), k);
    JsonNode spec = build(dir);
    JsonNode ours =
        YamlReader.read(Path.of("k.yaml"), value, YamlReader.Options.kustomization()).get(0).root();
    for (String name : List.of("x", "s", "z", "w")) {
      assertEquals(spec.get(name), ours.get(name), name);
    }
    assertEquals("explicit", spec.get("z").get("a").stringValue());
    assertEquals("from-m", spec.get("x").get("a").stringValue());
  }
}
