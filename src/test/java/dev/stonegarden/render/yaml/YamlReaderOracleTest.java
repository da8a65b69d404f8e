package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Reader details against {@code kubectl kustomize} (needs kubectl: {@code testing.Prerequisites}).
 */
class YamlReaderOracleTest {

  @Test
  void foldedScalarsComeOutAsKustomizeLeavesThem(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    String resource =
        "apiVersion: v1\nkind: X\nmetadata:\n  name: x\ndata:\n"
            + "  a: >+\n    a\n\n"
            + "  b: >\n    a\n\n      b\n    c\n"
            + "  c: >2\n      lead\n    x\n      y\n"
            + "  d: >\n    a\n    \tb\n    c\n"
            + "  e: >\n    trailing \n      more\n"
            + "  f: >-\n    p\n      q\n"
            + "  g: >\n    {\n      \"id\": null,\n      \"t\": [1,\n        2]\n    }\n"
            + "  h: >\n    one\n    two\n\n    three\n"
            + "  i: >\n    x\n      y\n    z\n      w\n"
            + "  j: >-\n    é\n      ü\n"
            + "  k: >-\n    \uD83D\uDE00\n      emoji\n"
            + "  l: |\n    literal\n      stays\n"
            + "  m: >\n    start\n      "
            + "w00 w01 w02 w03 w04 w05 w06 w07 w08 w09 ".repeat(4)
            + "w40\n    end\n";
    Files.writeString(dir.resolve("r.yaml"), resource);
    Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- r.yaml\n");
    JsonNode out = ScalarResolverOracleTest.buildRoot(dir).get("data");
    JsonNode ours =
        YamlReader.read(dir.resolve("r.yaml"), resource, YamlReader.Options.resources())
            .get(0)
            .root()
            .get("data");
    assertEquals(out, ours);
    // Our own files keep the values as written.
    JsonNode plain =
        YamlReader.read(dir.resolve("r.yaml"), resource, YamlReader.Options.files())
            .get(0)
            .root()
            .get("data");
    assertEquals("p\n  q", plain.get("f").stringValue());
  }

  @Test
  void emptyFlowValuesComeOutAsKustomizeLeavesThem(@TempDir Path dir) throws Exception {
    Prerequisites.kubectl();
    String resource =
        "apiVersion: v1\nkind: X\nmetadata:\n  name: x\nspec:\n"
            + "  a: {b, c: d}\n  e: {f: }\n  g: [h, {i}]\n  j: {k: ~}\n  l:\n  m: {\"n\"}\n  o: {p:q}\n";
    Files.writeString(dir.resolve("r.yaml"), resource);
    Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- r.yaml\n");
    JsonNode out = ScalarResolverOracleTest.buildRoot(dir).get("spec");
    JsonNode ours =
        YamlReader.read(dir.resolve("r.yaml"), resource, YamlReader.Options.resources())
            .get(0)
            .root()
            .get("spec");
    assertEquals(out, ours);
  }
}
