package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.stonegarden.render.diag.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code --output json} stream: one compact object per line, YAML writer's key order and
 * numbers.
 */
class JsonStreamWriterTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void oneObjectPerLineInYamlKeyOrder() {
    ObjectNode a = F.objectNode();
    a.put("kind", "ConfigMap").put("apiVersion", "v1");
    a.putObject("data").put("a10", "x").put("a2", "y").put("B", "z");
    a.putArray("list").add(1).add(1.10).add(1e20).add(1.0).addNull().add(true);
    a.putObject("empty");
    ObjectNode b =
        F.objectNode().put("b", "line\nbreak \"quoted\" \\ \t\u0001\u2028 é \uD83D\uDE00");
    assertEquals(
        "{\"apiVersion\":\"v1\",\"data\":{\"B\":\"z\",\"a2\":\"y\",\"a10\":\"x\"},\"empty\":{},"
            + "\"kind\":\"ConfigMap\",\"list\":[1,1.1,1e+20,1,null,true]}\n"
            + "{\"b\":\"line\\nbreak \\\"quoted\\\" \\\\ \\t\\u0001\\u2028 é \uD83D\uDE00\"}\n",
        JsonStreamWriter.write(List.of(a, b)).value());
  }

  @Test
  void emptyListPrintsNothing() {
    assertEquals("", JsonStreamWriter.write(List.of()).value());
  }

  @Test
  void everyLineIsValidJsonWithTheSameValues() {
    ObjectNode a = F.objectNode();
    a.put("s", "x\u0000\u0085\uD800y")
        .put("n", 1e-7)
        .put("big", new java.math.BigInteger("18446744073709551615"));
    String line = JsonStreamWriter.write(List.of(a)).value().trim();
    JsonNode back = JsonMapper.builder().build().readTree(line);
    // the same data as the YAML output: the NEL folds to a space, a lone surrogate becomes U+FFFD
    assertEquals("x\u0000 \uFFFDy", back.get("s").stringValue());
    assertEquals(1e-7, back.get("n").doubleValue());
    assertEquals("18446744073709551615", back.get("big").bigIntegerValue().toString());
  }

  @Test
  void failsWhereTheYamlOutputFails() {
    ObjectNode del = F.objectNode().put("x", "a\u007Fb");
    assertEquals(
        "yaml: control characters are not allowed",
        JsonStreamWriter.write(List.of(del)).problem().message());
    ObjectNode key = F.objectNode().put("k".repeat(1023), "v");
    assertFalse(JsonStreamWriter.write(List.of(key)).ok());
    ObjectNode nested = F.objectNode();
    nested.putArray("list").add(1).add(Double.POSITIVE_INFINITY);
    Problem.InDocument e =
        assertInstanceOf(
            Problem.InDocument.class,
            JsonStreamWriter.write(List.of(del, nested).subList(1, 2)).problem());
    assertEquals("/list/1", e.pointer());
    assertEquals(0, e.document());
  }

  @Test
  void bothWritersPointThroughEscapedKeysAndIndexes() {
    // each level of either writer's recursion adds its key (escaped) or index on the way out
    ObjectNode doc = F.objectNode();
    doc.putObject("a/b~c").putArray("x").add(0).addObject().put("n", Double.NEGATIVE_INFINITY);
    for (Problem p :
        List.of(
            JsonStreamWriter.write(List.of(F.objectNode(), doc)).problem(),
            YamlWriter.write(List.of(F.objectNode(), doc)).problem())) {
      Problem.InDocument e = assertInstanceOf(Problem.InDocument.class, p);
      assertEquals("/a~1b~0c/x/1/n", e.pointer());
      assertEquals(1, e.document());
      assertEquals("json: unsupported value: -Inf", e.message());
    }
  }

  @Test
  void nonFiniteFloatsFail() {
    ObjectNode a = F.objectNode().put("x", Double.NaN);
    assertEquals(
        "json: unsupported value: NaN", JsonStreamWriter.write(List.of(a)).problem().message());
  }
}
